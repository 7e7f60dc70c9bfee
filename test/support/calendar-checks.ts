import type IcalModule from 'ical.js' with { 'resolution-mode': 'import' };

/** ical.js 2 is published as an ES module with a CommonJS build beside it, which is what `require` loads here. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof IcalModule;

/** The fields of a calendar file's one event, as a calendar program reads them. */
export interface CheckedCalendar {
  method: string;
  uid: string;
  summary: string;
  description: string | null;
  /** `YYYY-MM-DD` of an all-day event. */
  start: string;
  end: string;
  url: string;
  organizer: string;
}

/** RFC 5545's own properties of VCALENDAR and VEVENT (§3.7, §3.6.1, §3.8): anything else (`X-…`, `TIMEZONE-ID`) is refused. */
const STANDARD = {
  vcalendar: ['prodid', 'version', 'calscale', 'method'],
  vevent: [
    'dtstamp', 'uid', 'dtstart', 'class', 'created', 'description', 'geo', 'last-modified', 'location', 'organizer', 'priority', 'sequence',
    'status', 'summary', 'transp', 'url', 'recurrence-id', 'rrule', 'dtend', 'duration', 'attach', 'attendee', 'categories', 'comment',
    'contact', 'exdate', 'rstatus', 'related-to', 'resources', 'rdate',
  ],
} as const;

const parameterOf = (contentType: string, name: string) => new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(contentType)?.[1] ?? null;

/**
 * Parses a calendar file the system sends (`.ics`, as the mail client gets it)
 * with ical.js and checks RFC 5545 and RFC 6047: CRLF after every line (the
 * last one too), only standard properties, `METHOD` equal to the MIME part's
 * `method=`, one event with `UID`, `DTSTAMP` in UTC (`Z`), an all-day
 * `DTSTART`/`DTEND`, `SUMMARY`, an `ORGANIZER` (PUBLISH requires one) and an
 * absolute `URL`. Throws naming the first rule broken; returns the fields.
 */
export function checkCalendarFile(content: string, contentType: string): CheckedCalendar {
  const fail = (rule: string): never => {
    throw new Error(`calendar file breaks a rule: ${rule}\n${content}`);
  };
  if (!/^text\/calendar\b/i.test(contentType)) fail(`its part is ${contentType}, not text/calendar`);
  if (!content.endsWith('\r\n')) fail('the last line ends with CRLF');
  if (/[^\r]\n/.test(content) || /\r(?!\n)/.test(content)) fail('every line ends with CRLF, never a bare LF or CR');
  const root = new ICAL.Component(ICAL.parse(content));
  if (root.name !== 'vcalendar') fail('the file is one VCALENDAR');
  const events = root.getAllSubcomponents('vevent');
  if (events.length !== 1) fail(`one VEVENT, not ${events.length}`);
  if (root.getAllSubcomponents().length !== 1) fail('no component but the VEVENT');
  const event = events[0];
  for (const [component, allowed] of [
    [root, STANDARD.vcalendar],
    [event, STANDARD.vevent],
  ] as const) {
    for (const property of component.getAllProperties()) {
      if (!(allowed as readonly string[]).includes(property.name)) fail(`only standard properties (${component.name.toUpperCase()} has ${property.name.toUpperCase()})`);
    }
  }
  if (root.getFirstPropertyValue('version') !== '2.0') fail('VERSION:2.0');
  if (!root.getFirstPropertyValue('prodid')) fail('a PRODID');
  const method = String(root.getFirstPropertyValue('method') ?? '');
  const partMethod = parameterOf(contentType, 'method');
  if (!method || method.toUpperCase() !== partMethod?.toUpperCase()) fail(`METHOD (${method}) matches the part's method= (${partMethod})`);
  const stamp = event.getFirstProperty('dtstamp');
  if (!stamp || !/^DTSTAMP:\d{8}T\d{6}Z\r$/m.test(content)) fail('DTSTAMP in UTC, written with Z');
  const text = (name: string) => {
    const value = event.getFirstPropertyValue(name);
    return value === null || value === undefined ? null : String(value);
  };
  const uid = text('uid') ?? fail('a UID');
  const summary = text('summary') ?? fail('a SUMMARY');
  const organizer = text('organizer') ?? fail(`an ORGANIZER (METHOD:${method} requires one)`);
  const url = text('url') ?? fail('a URL to the page where the task is done');
  if (!/^https?:\/\/[^/]+\//.test(url)) fail(`the URL is absolute (${url})`);
  const date = (name: string) => {
    const value = event.getFirstPropertyValue(name) as InstanceType<typeof ICAL.Time> | null;
    if (!value || !value.isDate) fail(`${name.toUpperCase()} is a date (an all-day event)`);
    return value!.toString();
  };
  return { method, uid, summary, description: text('description'), start: date('dtstart'), end: date('dtend'), url, organizer };
}

/** A parsed email's attachment, as mailparser gives it (only what is read here). */
interface MailPart {
  contentType: string;
  content: Buffer;
  headers: Map<string, unknown>;
}

/**
 * Every calendar file (`text/calendar` part) of a received email, each checked
 * by `checkCalendarFile` against its own part's `Content-Type` (with its
 * `method=`). Throws on the first file that breaks a rule.
 */
export function checkedCalendarFilesOf(mail: { attachments: MailPart[] }): CheckedCalendar[] {
  return mail.attachments
    .filter((a) => /^text\/calendar\b/i.test(a.contentType))
    .map((a) => {
      const header = a.headers.get('content-type') as { value: string; params?: Record<string, string> } | undefined;
      const params = Object.entries(header?.params ?? {})
        .map(([name, value]) => `; ${name}=${value}`)
        .join('');
      return checkCalendarFile(a.content.toString('utf8'), `${header?.value ?? a.contentType}${params}`);
    });
}
