import Holidays from 'date-holidays';
import { addDays, isLocalDate, LocalDate } from './local-date';

/**
 * Swedish working days: Monday to Friday, except the public holidays (helgdagar) and the eves the
 * city's offices are closed on. Holidays come from `date-holidays` (rules for Sweden, maintained
 * upstream), so Easter, Ascension Day and Midsummer move with the year without a table to keep.
 *
 * Non-working besides weekends:
 *  - every `public` holiday: nyårsdagen, trettondedag jul, långfredagen, annandag påsk, första maj,
 *    Kristi himmelsfärdsdag, nationaldagen, alla helgons dag, juldagen, annandag jul (påskdagen,
 *    pingstdagen and midsommardagen always fall on a weekend);
 *  - the `bank` holidays midsommarafton, julafton and nyårsafton: not helgdagar in law, but de facto
 *    days off under the collective agreements, and the municipal offices are closed.
 * Working days (choice): the half days trettondagsafton, valborgsmässoafton and allhelgonaafton
 * (`optional`), skärtorsdagen and annandag pingst (no longer a holiday since 2005). A holiday on a
 * Saturday or Sunday gives no day off in lieu (Sweden has none).
 */
const NON_WORKING_TYPES: ReadonlySet<string> = new Set(['public', 'bank']);

const sweden = new Holidays('SE');
const nonWorkingByYear = new Map<number, ReadonlySet<LocalDate>>();

function nonWorkingDaysOf(year: number): ReadonlySet<LocalDate> {
  let days = nonWorkingByYear.get(year);
  if (!days) {
    // `date` is the local date and time in Sweden, "2026-06-19 00:00:00".
    days = new Set(sweden.getHolidays(year).filter((h) => NON_WORKING_TYPES.has(h.type)).map((h) => h.date.slice(0, 10)));
    nonWorkingByYear.set(year, days);
  }
  return days;
}

function requireDate(date: LocalDate): void {
  if (!isLocalDate(date)) throw new Error(`Not a date: ${date}`);
}

/** Monday–Friday and not a Swedish public holiday, midsommarafton, julafton or nyårsafton. */
export function isWorkingDay(date: LocalDate): boolean {
  requireDate(date);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !nonWorkingDaysOf(Number(date.slice(0, 4))).has(date);
}

/**
 * The `n`th working day after `date` (before it when `n` is negative), not counting `date` itself:
 * `addWorkingDays(deadline, -10)` is the day ten working days before the deadline. `n = 0` gives
 * `date` unchanged, working day or not.
 */
export function addWorkingDays(date: LocalDate, n: number): LocalDate {
  requireDate(date);
  if (!Number.isInteger(n)) throw new Error(`Not a whole number of working days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = date;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * The working days passed going from `a` to `b`, counting the day arrived at and not the day left:
 * those after `a` up to and including `b`, or, when `b` is before `a`, minus those from `b` up to
 * (not including) `a`. So `addWorkingDays(a, workingDaysBetween(a, b)) === b` whenever `b` is a
 * working day. From a Monday to the Friday of a week without holidays: 4.
 */
export function workingDaysBetween(a: LocalDate, b: LocalDate): number {
  requireDate(a);
  requireDate(b);
  const [from, to, sign] = b >= a ? [addDays(a, 1), b, 1] : [b, addDays(a, -1), -1];
  let count = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count++;
  }
  return count === 0 ? 0 : sign * count;
}
