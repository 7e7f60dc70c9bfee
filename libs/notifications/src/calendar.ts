import { addDays } from '@samverka/kernel';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { CalendarEvent } from './notification-kinds';

/**
 * The iTIP method (RFC 5546) of every calendar file: PUBLISH, an event to put
 * in one's calendar, with no reply expected. The file's `METHOD` and the MIME
 * part's `method=` (RFC 6047 §2.4) are spelled from this one value.
 */
export const CALENDAR_METHOD = ICalCalendarMethod.PUBLISH;

export interface CalendarFile {
  filename: string;
  content: string;
  contentType: string;
}

/** A line that is not a standard property: `X-` names (RFC 5545 §3.8.8.2), e.g. the Microsoft all-day flags ical-generator adds. */
const isExperimental = (line: string) => /^X-/i.test(line);

/**
 * An all-day event for a date, as an .ics attachment (ical-generator, not
 * hand-written ICS), following RFC 5545 and RFC 6047: `DTSTAMP` in UTC
 * (`…Z`), only standard properties (no `TIMEZONE-ID`, `X-WR-*` or
 * `X-MICROSOFT-*`: an all-day event needs no time zone), `METHOD` equal to
 * the part's `method=`, an `ORGANIZER` (required by PUBLISH) and CRLF after
 * every line, the last one too. `URL` is the page where the task is done.
 */
export function calendarAttachment(
  notificationId: string,
  event: CalendarEvent,
  options: { organizer: { name: string; email: string }; stamp?: Date },
): CalendarFile {
  const calendar = ical({ prodId: { company: 'Samverka', product: 'Samverka', language: 'SV' }, method: CALENDAR_METHOD });
  const [y, m, d] = event.date.split('-').map(Number);
  const [ey, em, ed] = addDays(event.date, 1).split('-').map(Number);
  calendar.createEvent({
    id: `${notificationId}@samverka`,
    stamp: options.stamp ?? new Date(),
    start: new Date(Date.UTC(y, m - 1, d)),
    end: new Date(Date.UTC(ey, em - 1, ed)),
    allDay: true,
    summary: event.summary,
    description: event.description,
    organizer: options.organizer,
    url: event.url,
  });
  // Folded continuation lines start with a space, so an `X-` line is always a whole (short) property.
  const lines = calendar
    .toString()
    .split('\r\n')
    .filter((line) => !isExperimental(line));
  return {
    filename: event.filename,
    content: lines.join('\r\n') + '\r\n',
    contentType: `text/calendar; charset=utf-8; method=${CALENDAR_METHOD}`,
  };
}

/** `Samverka <noreply@samverka.example>` as ical-generator's organizer; a bare address is its own name. */
export function organizerOf(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1] || 'Samverka', email: match[2] } : { name: 'Samverka', email: from.trim() };
}
