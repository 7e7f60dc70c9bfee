import { addDays } from './local-date';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

describe('Swedish working days', () => {
  describe(isWorkingDay.name, () => {
    it('weekdays are working days, weekends are not', () => {
      expect(isWorkingDay('2026-03-02')).toBe(true); // Monday
      expect(isWorkingDay('2026-03-06')).toBe(true); // Friday
      expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
      expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    });

    it('the public holidays are not', () => {
      expect(
        [
          '2026-01-01', // nyårsdagen
          '2026-01-06', // trettondedag jul
          '2026-04-03', // långfredagen
          '2026-04-06', // annandag påsk
          '2026-05-01', // första maj
          '2026-05-14', // Kristi himmelsfärdsdag
          '2025-06-06', // nationaldagen on a Friday
          '2026-12-25', // juldagen
          '2027-12-27', // a Monday, after juldagen and annandag jul on the weekend: a working day
        ].map((d) => [d, isWorkingDay(d)]),
      ).toEqual([
        ['2026-01-01', false],
        ['2026-01-06', false],
        ['2026-04-03', false],
        ['2026-04-06', false],
        ['2026-05-01', false],
        ['2026-05-14', false],
        ['2025-06-06', false],
        ['2026-12-25', false],
        ['2027-12-27', true],
      ]);
    });

    it('Easter 2027 moves with the year: långfredag 26 March and annandag påsk 29 March; skärtorsdagen is a working day', () => {
      expect(isWorkingDay('2027-03-25')).toBe(true);
      expect(isWorkingDay('2027-03-26')).toBe(false);
      expect(isWorkingDay('2027-03-29')).toBe(false);
      expect(isWorkingDay('2027-03-30')).toBe(true);
      // the same days a year earlier are ordinary working days
      expect(isWorkingDay('2026-03-26')).toBe(true);
      expect(isWorkingDay('2026-03-30')).toBe(true);
    });

    it('midsommarafton, julafton and nyårsafton are days off (offices closed), the half-day eves are not', () => {
      expect(isWorkingDay('2026-06-19')).toBe(false); // midsommarafton, a Friday
      expect(isWorkingDay('2027-06-25')).toBe(false); // midsommarafton 2027
      expect(isWorkingDay('2026-06-18')).toBe(true);
      expect(isWorkingDay('2026-12-24')).toBe(false); // julafton, a Thursday
      expect(isWorkingDay('2026-12-31')).toBe(false); // nyårsafton, a Thursday
      expect(isWorkingDay('2026-04-30')).toBe(true); // valborgsmässoafton
      expect(isWorkingDay('2026-01-05')).toBe(true); // trettondagsafton
      expect(isWorkingDay('2026-05-25')).toBe(true); // annandag pingst, no longer a holiday
    });

    it('a holiday on a weekend gives no day off in lieu', () => {
      expect(isWorkingDay('2026-06-06')).toBe(false); // nationaldagen on a Saturday
      expect(isWorkingDay('2026-06-05')).toBe(true);
      expect(isWorkingDay('2026-06-08')).toBe(true);
    });

    it('refuses what is not a date', () => {
      expect(() => isWorkingDay('2026-02-30')).toThrow(/Not a date/);
      expect(() => isWorkingDay('30/4/2026')).toThrow(/Not a date/);
      expect(() => isWorkingDay('2026-04-31')).toThrow('Not a date: 2026-04-31');
    });
  });

  describe(addWorkingDays.name, () => {
    it('counts forwards and backwards from the date, not counting the date itself', () => {
      expect(addWorkingDays('2026-03-02', 4)).toBe('2026-03-06');
      expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // over a weekend
      expect(addWorkingDays('2026-03-09', -1)).toBe('2026-03-06');
      expect(addWorkingDays('2026-04-30', -10)).toBe('2026-04-16');
    });

    it('skips Easter: from skärtorsdagen 2027 the next working day is the Tuesday after annandag påsk', () => {
      expect(addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
      expect(addWorkingDays('2027-03-30', -1)).toBe('2027-03-25');
      expect(addWorkingDays('2027-04-01', -10)).toBe('2027-03-16'); // two weekdays of Easter in between
    });

    it('skips midsommarafton 2026 (19 June): 3 working days before 24 June is 18 June', () => {
      expect(addWorkingDays('2026-06-24', -3)).toBe('2026-06-18');
      expect(addWorkingDays('2026-06-24', -10)).toBe('2026-06-09');
    });

    it('skips 1 May: 5 working days after 30 April 2026 is 8 May', () => {
      expect(addWorkingDays('2026-04-30', 5)).toBe('2026-05-08');
    });

    it('skips Christmas and New Year across the turn of the year', () => {
      // 31 Dec, 1 Jan, the weekend and 6 Jan off
      expect(addWorkingDays('2026-12-30', 5)).toBe('2027-01-11');
      // 1 Jan, 31 Dec, 24–27 Dec off
      expect(addWorkingDays('2027-01-08', -10)).toBe('2026-12-18');
    });

    it('zero working days is the date itself, even on a holiday', () => {
      expect(addWorkingDays('2026-06-19', 0)).toBe('2026-06-19');
      expect(addWorkingDays('2026-06-20', 1)).toBe('2026-06-22');
    });

    it('refuses a fraction of a day and what is not a date', () => {
      expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(/whole number/);
      expect(() => addWorkingDays('2026-3-2', 1)).toThrow(/Not a date/);
      expect(() => addWorkingDays('2026-03-02', 0.5)).toThrow('Not a whole number of working days: 0.5');
      expect(() => addWorkingDays('2026-03-02', Number.NaN)).toThrow('Not a whole number of working days: NaN');
    });
  });

  describe(workingDaysBetween.name, () => {
    it('counts the working days after the first date up to and including the second', () => {
      expect(workingDaysBetween('2026-03-02', '2026-03-06')).toBe(4);
      expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
      expect(workingDaysBetween('2026-04-16', '2026-04-30')).toBe(10);
      expect(workingDaysBetween('2026-04-30', '2026-05-08')).toBe(5); // 1 May not counted
      expect(workingDaysBetween('2026-04-30', '2026-05-01')).toBe(0); // the day after is a holiday
      expect(workingDaysBetween('2026-12-23', '2027-01-07')).toBe(6); // 28, 29, 30 December, 4, 5, 7 January
    });

    it('is negative backwards', () => {
      expect(workingDaysBetween('2026-03-06', '2026-03-02')).toBe(-4);
      expect(workingDaysBetween('2026-05-04', '2026-04-30')).toBe(-1); // 30 April; 1 May and the weekend are not working days
      expect(workingDaysBetween('2026-05-02', '2026-05-01')).toBe(0);
      // Backwards over days off only: zero, not minus zero.
      expect(Object.is(workingDaysBetween('2026-03-09', '2026-03-07'), 0)).toBe(true);
      expect(workingDaysBetween('2026-03-09', '2026-03-06')).toBe(-1);
    });

    it('refuses either end when it is not a date', () => {
      expect(() => workingDaysBetween('2026-02-30', '2026-03-02')).toThrow('Not a date: 2026-02-30');
      expect(() => workingDaysBetween('2026-03-02', '2026-3-9')).toThrow('Not a date: 2026-3-9');
    });

    it('undoes addWorkingDays, for every day of two years and up to 15 working days either way', () => {
      const mismatches: string[] = [];
      for (let day = '2026-01-01'; day < '2028-01-01'; day = addDays(day, 1)) {
        for (let n = -15; n <= 15; n++) {
          const to = addWorkingDays(day, n);
          if (workingDaysBetween(day, to) !== n) mismatches.push(`${day} ${n} → ${to}`);
          if (n !== 0 && !isWorkingDay(to)) mismatches.push(`${day} ${n} → ${to} is not a working day`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
});
