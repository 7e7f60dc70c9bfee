import { formatSwedishDate, LocalDate } from '@samverka/kernel';

/**
 * Every email kind and the data its templates need. A template and its caller
 * cannot drift apart: `enqueue('coordinator.appointed', …)` only accepts this
 * shape, and the renderer's strict Handlebars refuses a missing field.
 */
export interface NotificationKinds {
  /** To the appointed person: department, mandate, responsibilities, validity, a link to acknowledge. */
  'coordinator.appointed': {
    departmentName: string;
    kind: 'primary' | 'deputy';
    mandate: string;
    responsibilities: string[];
    validFrom: LocalDate;
    validTo: LocalDate | null;
    acknowledgeUrl: string;
    appointedBy: string | null;
  };
  /** To the department's management users, when it has no valid primary coordinator (once per gap; again after 14 days). */
  'department.lacks_coordinator': {
    departmentName: string;
    since: LocalDate;
    daysOpen: number;
    reminder: boolean;
    departmentUrl: string;
  };
}

export type NotificationKind = keyof NotificationKinds;

export interface CalendarEvent {
  summary: string;
  date: LocalDate;
  description: string;
  /** The attachment's file name, e.g. `uppdraget-borjar.ics`. */
  filename: string;
}

export interface KindSettings {
  /** Mandatory kinds (deadlines, assignments) always go out; optional ones follow the recipient's preferences. */
  mandatory: boolean;
  /** A calendar event attached to the email (.ics), when the kind concerns a date. */
  calendar?: (data: never) => CalendarEvent | null;
}

export const KIND_SETTINGS: { [K in NotificationKind]: KindSettings } = {
  'coordinator.appointed': {
    mandatory: true,
    calendar: (d: NotificationKinds['coordinator.appointed']) => ({
      summary: 'Uppdraget som samordnare för medborgarservice börjar',
      date: d.validFrom,
      filename: 'uppdraget-borjar.ics',
      description:
        `Du är ${d.kind === 'primary' ? 'samordnare' : 'ersättare för samordnaren'} för medborgarservice på ${d.departmentName} ` +
        `från och med ${formatSwedishDate(d.validFrom)}${d.validTo ? ` till och med ${formatSwedishDate(d.validTo)}` : ''}. Bekräfta uppdraget: ${d.acknowledgeUrl}`,
    }),
  },
  'department.lacks_coordinator': { mandatory: true },
};

export const NOTIFICATION_KINDS = Object.keys(KIND_SETTINGS) as NotificationKind[];
