/**
 * Calendar dates that a person chose (a validity start, a deadline) are plain
 * `YYYY-MM-DD` strings interpreted in the city's zone. Timestamps are `Date`s.
 */
export const CITY_TIME_ZONE = 'Europe/Stockholm';

export type LocalDate = string & { readonly __brand?: 'LocalDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const dayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The last minute asked for and its date: the city's date changes only on a whole minute (its offsets are whole hours). */
let lastDay: { minute: number; day: LocalDate } | null = null;

/** The calendar date in Stockholm at the given instant (formatted once per minute: every request asks it). */
export function localDateInCity(instant: Date): LocalDate {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (lastDay?.minute === minute) return lastDay.day;
  const day = dayFormatter.format(instant);
  lastDay = { minute, day };
  return day;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

const swedishDate = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const cityClock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: CITY_TIME_ZONE });

/** "3 februari 2026" */
export function formatSwedishDate(date: LocalDate): string {
  const m = ISO_DATE.exec(date);
  if (!m) return date;
  return swedishDate.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** "3 februari 2026 kl. 14:05" in Stockholm time (composed, so it reads the same whatever ICU data Node ships). */
export function formatSwedishDateTime(instant: Date): string {
  return `${formatSwedishDate(localDateInCity(instant))} kl. ${cityClock.format(instant)}`;
}
