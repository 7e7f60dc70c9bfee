import { FixedClock, SystemClock } from './clock';

describe('clocks', () => {
  it('the system clock tells the time now', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('a fixed clock stays put until set or moved by whole days, and hands out copies', () => {
    const clock = new FixedClock(new Date('2026-03-02T09:00:00Z'));
    const seen = clock.now();
    seen.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-03-02T09:00:00.000Z');

    const to = new Date('2026-06-24T06:00:00Z');
    clock.set(to);
    to.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-06-24T06:00:00.000Z');

    clock.advanceDays(2);
    expect(clock.now().toISOString()).toBe('2026-06-26T06:00:00.000Z');
    clock.advanceDays(-30);
    expect(clock.now().toISOString()).toBe('2026-05-27T06:00:00.000Z');
  });
});
