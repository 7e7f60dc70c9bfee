import { cityInstant, dueWindow, isRunDay, latestRun, nextRun, previousRun } from './digest-schedule';

const at = (iso: string) => new Date(iso);

describe('digest schedule', () => {
  it('places Monday 07:00 Stockholm on CET in winter and CEST in summer, across both DST changes', () => {
    expect(cityInstant('2027-03-22', 7).toISOString()).toBe('2027-03-22T06:00:00.000Z'); // CET
    expect(cityInstant('2027-03-29', 7).toISOString()).toBe('2027-03-29T05:00:00.000Z'); // the day after the switch to CEST
    expect(cityInstant('2027-10-25', 7).toISOString()).toBe('2027-10-25T05:00:00.000Z'); // CEST
    expect(cityInstant('2027-11-01', 7).toISOString()).toBe('2027-11-01T06:00:00.000Z'); // the day after the switch back
  });

  it('weekly: every Monday at 07:00; the window across the spring change is a week of 167 hours', () => {
    const end = latestRun('weekly', at('2027-03-29T05:00:00Z'));
    expect(end.toISOString()).toBe('2027-03-29T05:00:00.000Z');
    expect(previousRun('weekly', end).toISOString()).toBe('2027-03-22T06:00:00.000Z');
    // One second before 07:00 on Monday: still last week's run.
    expect(latestRun('weekly', at('2027-03-29T04:59:59Z')).toISOString()).toBe('2027-03-22T06:00:00.000Z');
    // Autumn: the week has 169 hours.
    expect(previousRun('weekly', latestRun('weekly', at('2027-11-01T06:00:00Z'))).toISOString()).toBe('2027-10-25T05:00:00.000Z');
  });

  it('biweekly: every other Monday counted from 4 January 2027, unbroken across a year end', () => {
    expect(isRunDay('biweekly', '2027-01-04')).toBe(true);
    expect(isRunDay('biweekly', '2027-01-11')).toBe(false);
    expect(isRunDay('biweekly', '2027-01-18')).toBe(true);
    expect(isRunDay('biweekly', '2026-12-28')).toBe(false);
    expect(isRunDay('biweekly', '2026-12-21')).toBe(true);
    expect(isRunDay('biweekly', '2027-01-05')).toBe(false); // a Tuesday
    // 2026 has 53 ISO weeks: 21 December 2026 (week 52) → 4 January 2027 (week 1), 14 days apart.
    expect(previousRun('biweekly', latestRun('biweekly', at('2027-01-10T12:00:00Z'))).toISOString()).toBe('2026-12-21T06:00:00.000Z');
    expect(latestRun('biweekly', at('2027-04-02T12:00:00Z')).toISOString()).toBe('2027-03-29T05:00:00.000Z');
    expect(previousRun('biweekly', at('2027-03-29T05:00:00Z')).toISOString()).toBe('2027-03-15T06:00:00.000Z');
  });

  it('monthly: the first Monday of the month', () => {
    expect(isRunDay('monthly', '2027-03-01')).toBe(true);
    expect(isRunDay('monthly', '2027-03-08')).toBe(false);
    expect(latestRun('monthly', at('2027-03-31T12:00:00Z')).toISOString()).toBe('2027-03-01T06:00:00.000Z');
    expect(latestRun('monthly', at('2027-11-01T05:59:59Z')).toISOString()).toBe('2027-10-04T05:00:00.000Z');
    expect(latestRun('monthly', at('2027-11-01T06:00:00Z')).toISOString()).toBe('2027-11-01T06:00:00.000Z');
    expect(nextRun('monthly', at('2027-11-01T06:00:00Z')).toISOString()).toBe('2027-12-06T06:00:00.000Z');
  });

  it('the due window runs from the previous scheduled run, or from the last digest, to the latest run; none once recorded', () => {
    const now = at('2027-03-31T12:00:00Z');
    expect(dueWindow('weekly', now, null)).toEqual({ start: at('2027-03-22T06:00:00Z'), end: at('2027-03-29T05:00:00Z') });
    expect(dueWindow('weekly', now, at('2027-03-29T05:00:00Z'))).toBeNull();
    // Two runs missed: caught up once, from where the last digest ended.
    expect(dueWindow('weekly', now, at('2027-03-15T06:00:00Z'))).toEqual({ start: at('2027-03-15T06:00:00Z'), end: at('2027-03-29T05:00:00Z') });
  });
});
