import { linkRefusal, PASSWORD_SETUP_TTL_HOURS, passwordSetupStatus } from './password-setup.service';

const issued = new Date('2026-03-02T09:00:00Z');
const expiresAt = new Date(issued.getTime() + PASSWORD_SETUP_TTL_HOURS * 3_600_000);
const at = (ms: number) => new Date(issued.getTime() + ms);

describe('a set-password link', () => {
  const enabled = { disabledAt: null };

  it('is valid for 72 hours from when it was issued, up to the last millisecond', () => {
    expect(PASSWORD_SETUP_TTL_HOURS).toBe(72);
    expect(passwordSetupStatus({ expiresAt, usedAt: null }, enabled, issued)).toBe('valid');
    expect(passwordSetupStatus({ expiresAt, usedAt: null }, enabled, at(72 * 3_600_000 - 1))).toBe('valid');
    expect(passwordSetupStatus({ expiresAt, usedAt: null }, enabled, expiresAt)).toBe('expired');
  });

  it('is used once: a used (or replaced) link is used, even before it expires', () => {
    expect(passwordSetupStatus({ expiresAt, usedAt: at(1000) }, enabled, at(2000))).toBe('used');
    // Used wins over expired: the page tells the user to sign in, not to ask for a new link.
    expect(passwordSetupStatus({ expiresAt, usedAt: at(1000) }, enabled, at(100 * 3_600_000))).toBe('used');
  });

  it('does not work for a disabled account, nor when it is unknown', () => {
    expect(passwordSetupStatus({ expiresAt, usedAt: null }, { disabledAt: at(0) }, at(1000))).toBe('disabled');
    expect(passwordSetupStatus(null, null, issued)).toBe('unknown');
  });

  it('is refused in Swedish, saying what to do, with the status for the page', () => {
    expect(linkRefusal('expired').message).toBe('Länken gällde i 72 timmar och har gått ut. Be en administratör skicka en ny länk.');
    expect(linkRefusal('used').message).toMatch(/^Länken har redan använts/);
    expect(linkRefusal('unknown').context).toEqual({ status: 'unknown' });
  });
});
