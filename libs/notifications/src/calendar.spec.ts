import { checkCalendarFile } from '../../../test/support/calendar-checks';
import { calendarAttachment, organizerOf } from './calendar';
import { KIND_SETTINGS, NotificationKinds } from './notification-kinds';

/** ICS folds long lines at 75 octets (CRLF + space); unfolded, each property is one line. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const lines = (ics: string) => unfold(ics).split('\r\n');

describe(calendarAttachment.name, () => {
  const event = {
    summary: 'Uppdraget som samordnare för medborgarservice börjar',
    date: '2026-04-01',
    description: 'Miljöförvaltningen – från och med 1 april 2026',
    filename: 'uppdraget-borjar.ics',
    url: 'https://samverka.malmo.example/uppdrag/1/bekrafta',
  };
  const options = { organizer: { name: 'Samverka', email: 'noreply@samverka.example' }, stamp: new Date('2026-03-02T09:15:00.000Z') };

  it('is an all-day event on the date, ending the next day, linking to the page where the task is done', () => {
    const sut = calendarAttachment('abc-123', event, options);
    expect(sut.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(sut.filename).toMatch(/\.ics$/);
    const ics = lines(sut.content);
    expect(ics[0]).toBe('BEGIN:VCALENDAR');
    expect(ics).toEqual(expect.arrayContaining(['PRODID:-//Samverka//Samverka//SV', 'METHOD:PUBLISH']));
    expect(ics).toContain('DTSTART;VALUE=DATE:20260401');
    expect(ics).toContain('DTEND;VALUE=DATE:20260402');
    expect(ics).toContain('UID:abc-123@samverka');
    expect(ics).toContain('SUMMARY:Uppdraget som samordnare för medborgarservice börjar');
    expect(ics).toContain('URL;VALUE=URI:https://samverka.malmo.example/uppdrag/1/bekrafta');
    expect(unfold(sut.content)).toContain('DESCRIPTION:Miljöförvaltningen – från och med 1 april 2026');
  });

  it('follows RFC 5545 and 6047 as a calendar program reads it: UTC stamp, standard properties only, METHOD as the part says, CRLF to the end', () => {
    const sut = calendarAttachment('abc-123', event, options);
    expect(lines(sut.content)).toContain('DTSTAMP:20260302T091500Z');
    expect(sut.content).not.toMatch(/TIMEZONE-ID|^X-/m);
    expect(sut.content.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(checkCalendarFile(sut.content, sut.contentType)).toEqual({
      method: 'PUBLISH',
      uid: 'abc-123@samverka',
      summary: event.summary,
      description: event.description,
      start: '2026-04-01',
      end: '2026-04-02',
      url: event.url,
      organizer: 'mailto:noreply@samverka.example',
    });
  });

  it('ends on the first day of the next year when the date is New Year’s Eve', () => {
    const ics = lines(calendarAttachment('x', { ...event, date: '2026-12-31' }, options).content);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231');
    expect(ics).toContain('DTEND;VALUE=DATE:20270101');
  });

  it('is the same event (UID) for the same notification, so a resend does not add a second one', () => {
    const uid = (id: string) => lines(calendarAttachment(id, event, options).content).find((l) => l.startsWith('UID:'));
    expect(uid('n-1')).toBe(uid('n-1'));
    expect(uid('n-1')).not.toBe(uid('n-2'));
  });

  it('takes the organizer from the sender address', () => {
    expect(organizerOf('Samverka <noreply@samverka.invalid>')).toEqual({ name: 'Samverka', email: 'noreply@samverka.invalid' });
    expect(organizerOf('"Malmö stad" <samverka@malmo.example>')).toEqual({ name: 'Malmö stad', email: 'samverka@malmo.example' });
    expect(organizerOf('samverka@malmo.example')).toEqual({ name: 'Samverka', email: 'samverka@malmo.example' });
  });
});

describe(checkCalendarFile.name, () => {
  const good = calendarAttachment('n', { summary: 'S', date: '2026-04-01', description: 'D', filename: 'f.ics', url: 'https://x.example/a' }, {
    organizer: { name: 'Samverka', email: 'noreply@x.example' },
  });

  it.each([
    ['a bare LF at the end', good.content.replace(/\r\n$/, '\n'), good.contentType, /CRLF/],
    ['no line end after the last line', good.content.replace(/\r\n$/, ''), good.contentType, /last line/],
    ['a non-standard property', good.content.replace('BEGIN:VEVENT\r\n', 'BEGIN:VEVENT\r\nTIMEZONE-ID:Europe/Stockholm\r\n'), good.contentType, /TIMEZONE-ID/],
    ['a METHOD other than the part’s', good.content, 'text/calendar; charset=utf-8; method=REQUEST', /METHOD/],
    ['a local DTSTAMP', good.content.replace(/DTSTAMP:(\d{8}T\d{6})Z/, 'DTSTAMP:$1'), good.contentType, /DTSTAMP/],
    ['no URL', good.content.replace(/URL;VALUE=URI:.*\r\n/, ''), good.contentType, /URL/],
  ])('refuses %s', (_what, content, contentType, rule) => {
    expect(() => checkCalendarFile(content, contentType)).toThrow(rule);
  });
});

describe('the calendar event of an appointment', () => {
  const data: NotificationKinds['coordinator.appointed'] = {
    departmentName: 'Miljöförvaltningen',
    kind: 'deputy',
    mandate: 'Ersätta samordnaren.',
    responsibilities: [],
    validFrom: '2026-04-01',
    validTo: null,
    acknowledgeUrl: 'https://samverka.malmo.example/',
    appointedBy: null,
    round: null,
  };

  it('is the first day of the assignment, described in Swedish, linking to the acknowledgement', () => {
    const calendar = KIND_SETTINGS['coordinator.appointed'].calendar as (d: NotificationKinds['coordinator.appointed']) => unknown;
    expect(calendar(data)).toEqual({
      summary: 'Uppdraget som samordnare för medborgarservice börjar',
      date: '2026-04-01',
      description:
        'Du är ersättare för samordnaren för medborgarservice på Miljöförvaltningen från och med 1 april 2026. ' +
        'Bekräfta uppdraget: https://samverka.malmo.example/',
      filename: 'uppdraget-borjar.ics',
      url: 'https://samverka.malmo.example/',
    });
  });

  it('is not set for a coverage alert', () => {
    expect(KIND_SETTINGS['department.lacks_coordinator'].calendar).toBeUndefined();
  });
});
