import { addDays, CITY_TIME_ZONE, LocalDate, localDateInCity } from '@samverka/kernel';

/** How often a management user gets the periodic status digest (the identity's `digest_frequency`). */
export type ScheduledFrequency = 'weekly' | 'biweekly' | 'monthly';

/** The hour (Stockholm time) of every scheduled digest: Monday 07:00. */
export const DIGEST_HOUR = 7;

/**
 * The fortnight's anchor: a biweekly digest goes out on the Mondays an even number of weeks from
 * Monday 4 January 2027 (ISO week 1 of 2027). Counted from a fixed Monday rather than by ISO week
 * parity, so the rhythm never breaks at a year with 53 weeks (week 53 and week 1 are both odd).
 */
export const BIWEEKLY_ANCHOR: LocalDate = '2027-01-04';

const offsetFormatter = new Intl.DateTimeFormat('en-US', { timeZone: CITY_TIME_ZONE, timeZoneName: 'longOffset' });

/** The instant of `hour`:00 on `date` in Stockholm (CET or CEST, whichever is in force then). */
export function cityInstant(date: LocalDate, hour: number): Date {
  const naiveUtc = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  // The zone's offset at about that moment (07:00 is never inside a DST switch, which happens at 02:00-03:00).
  const name = offsetFormatter.formatToParts(new Date(naiveUtc)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const offsetMinutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(naiveUtc - offsetMinutes * 60_000);
}

/** 1 = Monday … 7 = Sunday, of a calendar date. */
function isoWeekday(date: LocalDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Whether `date` (a Monday) is a run day for the frequency. */
export function isRunDay(frequency: ScheduledFrequency, date: LocalDate): boolean {
  if (isoWeekday(date) !== 1) return false;
  if (frequency === 'weekly') return true;
  if (frequency === 'biweekly') return ((daysBetween(BIWEEKLY_ANCHOR, date) / 7) % 2 + 2) % 2 === 0;
  return Number(date.slice(8, 10)) <= 7;
}

/** The latest scheduled run at or before `now` (Monday 07:00 Stockholm on a run day). */
export function latestRun(frequency: ScheduledFrequency, now: Date): Date {
  let day = localDateInCity(now);
  // At most 5 weeks back (a monthly run), one Monday at a time.
  day = addDays(day, -((isoWeekday(day) + 6) % 7));
  for (let i = 0; i < 7; i++, day = addDays(day, -7)) {
    const at = cityInstant(day, DIGEST_HOUR);
    if (isRunDay(frequency, day) && at.getTime() <= now.getTime()) return at;
  }
  throw new Error(`No ${frequency} run found before ${now.toISOString()}`);
}

/** The scheduled run before `run` (itself a scheduled run). */
export function previousRun(frequency: ScheduledFrequency, run: Date): Date {
  return latestRun(frequency, new Date(run.getTime() - 1));
}

/** The next scheduled run after `now`. */
export function nextRun(frequency: ScheduledFrequency, now: Date): Date {
  let day = localDateInCity(now);
  for (let i = 0; i < 40; i++, day = addDays(day, 1)) {
    const at = cityInstant(day, DIGEST_HOUR);
    if (isRunDay(frequency, day) && at.getTime() > now.getTime()) return at;
  }
  throw new Error(`No ${frequency} run found after ${now.toISOString()}`);
}

/**
 * The window a digest due at `now` covers: from the end of the user's last periodic digest (when there
 * was one, so a missed run is caught up once and nothing falls between two digests) or else the
 * scheduled run before, up to the latest scheduled run. Null when that run's digest is already recorded.
 */
export function dueWindow(frequency: ScheduledFrequency, now: Date, lastEnd: Date | null): { start: Date; end: Date } | null {
  const end = latestRun(frequency, now);
  if (lastEnd && lastEnd.getTime() >= end.getTime()) return null;
  return { start: lastEnd ?? previousRun(frequency, end), end };
}
