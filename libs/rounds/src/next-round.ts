import { addWorkingDays, isWorkingDay, LocalDate } from '@samverka/kernel';
import type { RoundDeadlines } from './plan-round.model';

/** The same day a year later (29 February becomes 28 February). */
export function oneYearOn(date: LocalDate): LocalDate {
  const year = Number(date.slice(0, 4)) + 1;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/** The day itself when it is a working day, else the first working day after it. */
export function onWorkingDay(date: LocalDate): LocalDate {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}

/**
 * Next year's round from this one: each of the round's deadlines one year on, moved to a working day
 * (a Saturday, Sunday or holiday gives the next working day). A deadline the round lacks stays absent.
 */
export function proposedDeadlines(previous: RoundDeadlines): RoundDeadlines {
  const next = (date: LocalDate | null) => (date === null ? null : onWorkingDay(oneYearOn(date)));
  return { needs: next(previous.needs)!, consultationReply: next(previous.consultationReply), decision: next(previous.decision) };
}
