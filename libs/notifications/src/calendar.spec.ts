import { calendarAttachment } from './calendar';
import { KIND_SETTINGS, NotificationKinds } from './notification-kinds';

/** ICS folds long lines at 75 octets (CRLF + space); unfolded, each property is one line. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const lines = (ics: string) => unfold(ics).split('\r\n');

describe(calendarAttachment.name, () => {
  const event = { summary: 'Uppdraget som samordnare för medborgarservice börjar', date: '2026-04-01', description: 'Miljöförvaltningen – från och med 1 april 2026', filename: 'uppdraget-borjar.ics' };

  it('is an all-day event on the date, ending the next day', () => {
    const sut = calendarAttachment('abc-123', event, 'https://samverka.malmo.example');
    expect(sut.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(sut.filename).toMatch(/\.ics$/);
    const ics = lines(sut.content);
    expect(ics[0]).toBe('BEGIN:VCALENDAR');
    expect(ics).toEqual(expect.arrayContaining(['PRODID:-//Samverka//Samverka//SV', 'X-WR-CALNAME:Samverka', 'X-WR-TIMEZONE:Europe/Stockholm']));
    expect(ics).toContain('DTSTART;VALUE=DATE:20260401');
    expect(ics).toContain('DTEND;VALUE=DATE:20260402');
    expect(ics).toContain('UID:abc-123@samverka');
    expect(ics).toContain('SUMMARY:Uppdraget som samordnare för medborgarservice börjar');
    expect(ics).toContain('URL;VALUE=URI:https://samverka.malmo.example');
    expect(unfold(sut.content)).toContain('DESCRIPTION:Miljöförvaltningen – från och med 1 april 2026');
  });

  it('ends on the first day of the next year when the date is New Year’s Eve', () => {
    const ics = lines(calendarAttachment('x', { ...event, date: '2026-12-31' }, 'https://samverka.malmo.example').content);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231');
    expect(ics).toContain('DTEND;VALUE=DATE:20270101');
  });

  it('is the same event (UID) for the same notification, so a resend does not add a second one', () => {
    const uid = (id: string) => lines(calendarAttachment(id, event, 'https://x.example').content).find((l) => l.startsWith('UID:'));
    expect(uid('n-1')).toBe(uid('n-1'));
    expect(uid('n-1')).not.toBe(uid('n-2'));
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

  it('is the first day of the assignment, described in Swedish', () => {
    const calendar = KIND_SETTINGS['coordinator.appointed'].calendar as (d: NotificationKinds['coordinator.appointed']) => unknown;
    expect(calendar(data)).toEqual({
      summary: 'Uppdraget som samordnare för medborgarservice börjar',
      date: '2026-04-01',
      description:
        'Du är ersättare för samordnaren för medborgarservice på Miljöförvaltningen från och med 1 april 2026. ' +
        'Bekräfta uppdraget: https://samverka.malmo.example/',
      filename: 'uppdraget-borjar.ics',
    });
  });

  it('is not set for a coverage alert', () => {
    expect(KIND_SETTINGS['department.lacks_coordinator'].calendar).toBeUndefined();
  });
});
