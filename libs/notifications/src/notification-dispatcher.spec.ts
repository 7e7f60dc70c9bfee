import { loadConfig } from '@samverka/config';
import { retryDelaySeconds } from './notification-dispatcher';

describe('the wait between two attempts to send an email', () => {
  const mail = { retryBaseSeconds: 30, retryMaxSeconds: 1800 };

  it('starts at the base and doubles after each failed attempt', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelaySeconds(attempt, mail))).toEqual([30, 60, 120, 240, 480, 960]);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect([7, 8, 12, 50, 1000].map((attempt) => retryDelaySeconds(attempt, mail))).toEqual([1800, 1800, 1800, 1800, 1800]);
  });

  it('keeps trying for about three hours with the defaults before an email ends as failed', () => {
    const { mail: defaults } = loadConfig({});
    const attemptsWithAWaitAfter = Array.from({ length: defaults.maxAttempts - 1 }, (_, i) => i + 1);
    expect(attemptsWithAWaitAfter).toHaveLength(11);
    const seconds = attemptsWithAWaitAfter.reduce((sum, attempt) => sum + retryDelaySeconds(attempt, defaults), 0);
    expect(seconds / 3600).toBeGreaterThan(2.5);
    expect(seconds / 3600).toBeLessThan(4);
  });

  it('refuses at boot a cap shorter than the first wait', () => {
    expect(() => loadConfig({ MAIL_RETRY_BASE_SECONDS: '600', MAIL_RETRY_MAX_SECONDS: '60' })).toThrow(/MAIL_RETRY_MAX_SECONDS must be at least MAIL_RETRY_BASE_SECONDS/);
  });
});
