import { addDays, CITY_TIME_ZONE, formatSwedishDate, formatSwedishDateTime, isLocalDate, localDateInCity } from './local-date';

describe('local dates in Europe/Stockholm', () => {
  it('accepts real calendar dates only', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('26-01-01')).toBe(false);
    expect(isLocalDate(20260101)).toBe(false);
  });

  it('takes the date in Stockholm, not in UTC, around midnight', () => {
    // 23:30 UTC on 31 Dec is 00:30 on 1 Jan in Stockholm (UTC+1 in winter)
    expect(localDateInCity(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    // 21:30 UTC in summer is 23:30 in Stockholm (UTC+2): still the same day
    expect(localDateInCity(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
    expect(localDateInCity(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('turns the date at the last millisecond before midnight in Stockholm, however often it is asked within a minute', () => {
    const cases: Array<[string, string]> = [
      ['2025-12-31T22:59:00.000Z', '2025-12-31'],
      ['2025-12-31T22:59:59.999Z', '2025-12-31'],
      ['2025-12-31T23:00:00.000Z', '2026-01-01'],
      ['2025-12-31T22:59:30.000Z', '2025-12-31'],
      ['2026-06-30T21:59:59.999Z', '2026-06-30'],
      ['2026-06-30T22:00:00.000Z', '2026-07-01'],
      ['2026-06-30T22:00:00.000Z', '2026-07-01'],
    ];
    for (const [instant, day] of cases) expect([instant, localDateInCity(new Date(instant))]).toEqual([instant, day]);
    expect(() => localDateInCity(new Date('not a date'))).toThrow(RangeError);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('formats in Swedish', () => {
    expect(formatSwedishDate('2026-02-03')).toBe('3 februari 2026');
    expect(formatSwedishDateTime(new Date('2026-07-01T12:05:00Z'))).toBe('1 juli 2026 kl. 14:05');
    expect(formatSwedishDateTime(new Date('2026-01-15T23:30:00Z'))).toBe('16 januari 2026 kl. 00:30');
  });

  it('refuses days that do not exist and text around a date', () => {
    expect(CITY_TIME_ZONE).toBe('Europe/Stockholm');
    expect(['2026-04-30', '2026-04-31', '2026-00-10', '2026-01-00', ' 2026-01-01', '2026-01-01 ', null].filter(isLocalDate)).toEqual(['2026-04-30']);
  });

  it('adds nothing for zero, and refuses what is not a date', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-10', 0)).toBe('2026-03-10');
    expect(() => addDays('10 mars', 1)).toThrow('Not a date: 10 mars');
  });

  it('leaves text that is not a date as it is when formatting', () => {
    expect(formatSwedishDate('tills vidare')).toBe('tills vidare');
    expect(formatSwedishDate('2026-12-31')).toBe('31 december 2026');
  });
});
