import { addDays, CITY_TIME_ZONE } from '@samverka/kernel';
import ical from 'ical-generator';
import type { CalendarEvent } from './notification-kinds';

/** An all-day event for a deadline, as an .ics attachment (ical-generator, not hand-written ICS). */
export function calendarAttachment(
  notificationId: string,
  event: CalendarEvent,
  url: string,
): { filename: string; content: string; contentType: string } {
  const calendar = ical({ name: 'Samverka', prodId: { company: 'Samverka', product: 'Samverka', language: 'SV' }, timezone: CITY_TIME_ZONE });
  const [y, m, d] = event.date.split('-').map(Number);
  const [ey, em, ed] = addDays(event.date, 1).split('-').map(Number);
  calendar.createEvent({
    id: `${notificationId}@samverka`,
    start: new Date(Date.UTC(y, m - 1, d)),
    end: new Date(Date.UTC(ey, em - 1, ed)),
    allDay: true,
    summary: event.summary,
    description: event.description,
    url,
  });
  return { filename: event.filename, content: calendar.toString(), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' };
}
