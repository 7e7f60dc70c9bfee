import { formatSwedishDate, LocalDate } from '@samverka/kernel';

/**
 * Every email kind and the data its templates need. A template and its caller
 * cannot drift apart: `enqueue('coordinator.appointed', …)` only accepts this
 * shape, and the renderer's strict Handlebars refuses a missing field.
 */
export interface NotificationKinds {
  /** To a new user: a link to set their password (or, with single sign-on, to sign in). */
  'user.invited': UserInvitedData;
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
    /** The running round the department takes part in, and its needs deadline while needs are collected. */
    round: { title: string; needsDeadline: LocalDate | null } | null;
  };
  /** To the department's management users, when it has no valid primary coordinator (once per gap; again after 14 days). */
  'department.lacks_coordinator': {
    departmentName: string;
    since: LocalDate;
    daysOpen: number;
    reminder: boolean;
    departmentUrl: string;
  };
  /** To each coordinator and deputy of a participating department when a plan round is launched; the needs deadline as .ics. */
  'round.launched': {
    roundTitle: string;
    year: number;
    caseNumber: string;
    departmentName: string;
    kind: 'primary' | 'deputy';
    needsDeadline: LocalDate;
    areas: string[];
    roundUrl: string;
    /** The department's needs page in the round, where the task is done (the calendar event's URL); older queued emails lack it. */
    needsUrl?: string;
    launchedBy: string | null;
  };
  /** To the management users of participating departments when the round moves to another phase. */
  'round.phase_changed': {
    roundTitle: string;
    year: number;
    caseNumber: string;
    departmentNames: string[];
    fromLabel: string;
    toLabel: string;
    /** The written reason of a forced step, a returned decision or a cancellation. */
    reason: string | null;
    forced: boolean;
    cancelled: boolean;
    nextDeadline: { label: string; date: LocalDate } | null;
    roundUrl: string;
    /**
     * The phase-change status digest (lägesrapport) for this person's departments, when the app has
     * the digests context: the same sections as `digest.status`. Older queued emails lack it.
     */
    digest?: StatusDigestSections | null;
  };
  /** To the strategists when a round's deadline has passed while its phase is still open. */
  'round.deadline_passed': {
    roundTitle: string;
    year: number;
    deadlineLabel: string;
    date: LocalDate;
    phaseLabel: string;
    /** What the guards still missed on the last day (e.g. "3 förvaltningar har inte lämnat in behov"). */
    outstanding: string[];
    autoClosed: boolean;
    roundUrl: string;
  };
  /** To the department's management users when its coordinator hands in the needs: please approve (godkänn). */
  'needs.endorsement_requested': {
    roundTitle: string;
    departmentName: string;
    submittedBy: string | null;
    needCount: number;
    late: boolean;
    needsDeadline: LocalDate;
    roundUrl: string;
    /** Handed in again after management sent it back, with the comment it was sent back with. */
    resubmission: { returnComment: string | null } | null;
  };
  /** To the department's coordinators and deputies when management sends the handed-in needs back, with the comment. */
  'needs.returned': {
    roundTitle: string;
    departmentName: string;
    returnedBy: string | null;
    comment: string;
    needsDeadline: LocalDate;
    roundUrl: string;
  };
  /** To the department's coordinators and deputies when management approves (godkänner) the handed-in needs. */
  'needs.endorsed': {
    roundTitle: string;
    departmentName: string;
    endorsedBy: string | null;
    needCount: number;
    roundUrl: string;
  };
  /** To the coordinators and deputies of each participating department when the round's needs collection closes. */
  'needs.collection_closed': {
    roundTitle: string;
    departmentName: string;
    /** The department's submission status label when collection closed, e.g. "Godkänd". */
    statusLabel: string;
    handedIn: boolean;
    cancelled: boolean;
    toLabel: string;
    roundUrl: string;
  };
  /** To each coordinator and deputy of a department that has not handed in its needs: 10 and 3 working days before the needs deadline, the day after it, and when a strategist reminds the department from the round page. */
  'needs.reminder': {
    roundTitle: string;
    departmentName: string;
    needsDeadline: LocalDate;
    /** Swedish working days after today up to and including the deadline (0 on the last day, and once it has passed). */
    workingDaysLeft: number;
    passed: boolean;
    roundUrl: string;
    /** The strategist who sent this reminder by hand from the round page; null for the scheduled ones. */
    remindedBy: string | null;
  };
  /** To the department's management users when its needs are still missing 5 working days after the needs deadline. */
  'needs.escalation': {
    roundTitle: string;
    departmentName: string;
    needsDeadline: LocalDate;
    /** Swedish working days since the deadline. */
    workingDaysOverdue: number;
    /** The department's coordinator and deputies today, to follow up with (empty: it has none). */
    coordinatorNames: string[];
    roundUrl: string;
  };
  /** To the reporting coordinators (the contact centre's: the strategists) while a period's follow-up reports are owed: 10 and 3 working days before the due date, and after it. */
  'follow_up.reminder': {
    roundTitle: string;
    /** The department's name, or "kontaktcenter". */
    organisationName: string;
    contactCentre: boolean;
    periodLabel: string;
    dueOn: LocalDate;
    /** Swedish working days after today up to and including the due date (0 on the day, and once it has passed). */
    workingDaysLeft: number;
    passed: boolean;
    /** The items still without a report for the period, in the plan's order. */
    items: Array<{ code: string; title: string }>;
    itemCount: number;
    reportUrl: string;
  };
  /** To the department's management users when its follow-up reports for a period are still owed 5 working days after the due date. */
  'follow_up.escalation': {
    roundTitle: string;
    departmentName: string;
    periodLabel: string;
    dueOn: LocalDate;
    workingDaysOverdue: number;
    items: Array<{ code: string; title: string }>;
    itemCount: number;
    /** The department's coordinator and deputies today, to follow up with (empty: it has none). */
    coordinatorNames: string[];
    reportUrl: string;
  };
  /** To the strategists when a department asks about an item of the plan. */
  'plan.question_asked': {
    roundTitle: string;
    departmentName: string;
    itemCode: string;
    itemTitle: string;
    /** The frozen version asked about (null: the draft). */
    version: number | null;
    question: string;
    askedBy: string;
    questionsUrl: string;
  };
  /** To the one who asked and the department's coordinators when a strategist answers a question about an item. */
  'plan.question_answered': {
    roundTitle: string;
    departmentName: string;
    itemCode: string;
    itemTitle: string;
    question: string;
    answer: string;
    answeredBy: string | null;
    questionsUrl: string;
  };
  /**
   * To each participating department's coordinators and deputies and its management users when a plan
   * version is frozen: the department's part (version 1), or what changed in it (a later version, sent
   * only when it changed). Once per department, version and recipient.
   */
  'plan.responsibility_summary': PlanResponsibilitySummaryData;
  /** To each participating department's coordinators, deputies and management users when the executive board adopts the plan: a link to the department's part. Once per round, department and person. */
  'plan.adopted': {
    roundTitle: string;
    caseNumber: string;
    departmentName: string;
    /** The frozen version adopted (null: none was frozen). */
    version: number | null;
    decidedOn: LocalDate;
    body: string;
    minuteReference: string;
    summaryUrl: string;
  };
  /** To the strategists when the executive board returns the plan (återremiss): the reason, back to drafting. */
  'plan.returned': {
    roundTitle: string;
    caseNumber: string;
    version: number | null;
    decidedOn: LocalDate;
    body: string;
    minuteReference: string;
    reason: string;
    recordedBy: string | null;
    roundUrl: string;
  };
  /** To each secretary of each recipient committee when the remiss is sent: the plan version, the reply date (.ics), the cover letter, the contact person, the questions. */
  'consultation.sent': ConsultationSentData;
  /** To the strategists when a committee asks for a later reply date (anstånd). */
  'consultation.extension_requested': {
    roundTitle: string;
    caseNumber: string;
    committeeName: string;
    replyBy: LocalDate;
    requestedReplyBy: LocalDate;
    reason: string;
    requestedBy: string;
    consultationUrl: string;
  };
  /** To the committee's secretaries when a strategist approves or declines its extension. */
  'consultation.extension_decided': {
    roundTitle: string;
    caseNumber: string;
    committeeName: string;
    approved: boolean;
    requestedReplyBy: LocalDate;
    /** The reply date now in force (the new one when approved). */
    replyBy: LocalDate;
    decisionReason: string | null;
    decidedBy: string | null;
    responseUrl: string;
  };
  /** To the committee's secretaries and the coordinators of its departments, before and after the committee's own reply date, until it responds. */
  'consultation.reminder': {
    roundTitle: string;
    caseNumber: string;
    committeeName: string;
    replyBy: LocalDate;
    workingDaysLeft: number;
    passed: boolean;
    responseUrl: string;
  };
  /**
   * Kvittens: to the one who submitted a committee's response (yttrande) and the committee's
   * secretaries, with the whole response as registered, for their own diary. Once per revision and person.
   */
  'consultation.response_receipt': ConsultationResponseReceiptData;
  /** Lägesrapport: to a department-management user on their chosen frequency (Monday 07:00), only when something is new or owed. */
  'digest.status': StatusDigestData;
}

/** A list capped in the email: the first ones, and "och N till" with a link to the rest. */
export interface CappedList<T> {
  shown: T[];
  more: number;
  moreUrl: string;
}

/** A status digest's content for one management user: their departments' rounds, and the city beside them. */
export interface StatusDigestSections {
  /** "30 november 2026 kl. 07:00": what "since the last digest" means here. */
  since: string;
  until: string;
  departments: Array<{
    departmentId: string;
    name: string;
    rounds: Array<{
      roundId: string;
      title: string;
      phaseLabel: string;
      nextDeadline: { label: string; date: LocalDate } | null;
      roundUrl: string;
      /** What the department owes now (overdue first). */
      owed: CappedList<{ text: string; dueOn: LocalDate | null; overdue: boolean; href: string }>;
      overdueCount: number;
      /** Its items in the adopted plan with their latest follow-up status; `changed`: reported in the window. */
      items: CappedList<{ code: string; title: string; statusLabel: string; progress: number | null; changed: boolean }>;
      /** Reports on its items in the window. */
      changes: number;
    }>;
  }>;
  /** How the city as a whole stands, per open round, so a department sees itself next to the others. */
  city: {
    coverage: { covered: number; total: number };
    rounds: Array<{
      roundId: string;
      title: string;
      phaseLabel: string;
      submissions: { handedIn: number; total: number };
      responses: { responded: number; total: number } | null;
      reports: { reported: number; due: number } | null;
    }>;
  };
}

export interface StatusDigestData extends StatusDigestSections {
  frequencyLabel: string;
  /** "5 att göra, varav 1 försenad; 1 ny rapport". */
  summary: string;
  owedCount: number;
  overdueCount: number;
  changeCount: number;
  settingsUrl: string;
}

/** The remiss as its email to a recipient committee's secretary tells it. */
export interface ConsultationSentData {
  roundTitle: string;
  caseNumber: string;
  committeeName: string;
  planVersion: number;
  replyBy: LocalDate;
  coverLetter: string;
  contactPerson: { name: string; email: string; title: string | null } | null;
  questions: Array<{ areaName: string | null; text: string }>;
  planUrl: string;
  responseUrl: string;
}

/** The whole response as registered: every field as entered (the text exactly), labels in Swedish. */
export interface ConsultationResponseReceiptData {
  roundTitle: string;
  caseNumber: string;
  committeeName: string;
  revision: number;
  /** A correction (revision 2 or later) replaces the earlier one, which is kept. */
  correction: boolean;
  stanceLabel: string;
  summary: string;
  adoptedOn: LocalDate;
  minuteReference: string;
  theirReference: string | null;
  signatories: string[];
  areaComments: Array<{ areaName: string; comment: string }>;
  answers: Array<{ question: string; answer: string }>;
  proposals: Array<{ number: number; text: string; target: string | null }>;
  text: string;
  receivedOnPaper: boolean;
  attachmentName: string | null;
  submittedBy: string;
  responseUrl: string;
}

/** One item of a department's part, as the summary email lists it. */
export interface ResponsibilitySummaryItem {
  code: string;
  title: string;
  roleLabel: string;
  expectations: string;
  /** "40 timmar per år (0,02 årsarbetskrafter)" or "ej uppskattad". */
  effort: string;
  /** "2027 T1 – 2027 T2", or null when no dates are set. */
  period: string | null;
  /** The contact centre's own part on the item: "Ansvarig (A): Leder arbetet …"; null: none. */
  contactCentre: string | null;
}

export interface PlanResponsibilitySummaryData {
  roundTitle: string;
  caseNumber: string;
  departmentName: string;
  version: number;
  frozenOn: LocalDate;
  frozenBy: string | null;
  /** A later version: the email says what changed in the department's part (the changes below). */
  changed: boolean;
  changes: Array<{ code: string; title: string; kindLabel: string; details: string[] }>;
  /** The department's whole part in this version (empty: nothing is expected of it). */
  items: ResponsibilitySummaryItem[];
  totalEffort: string;
  summaryUrl: string;
}

/** To a new user (or again, when an admin resends it): how to sign in; a set-password link, or word to use single sign-on. */
export interface UserInvitedData {
  email: string;
  /** Null with single sign-on: no password to set. */
  setPasswordUrl: string | null;
  /** "3 december 2026 kl. 14:05": when the link stops working (null with single sign-on). */
  validUntil: string | null;
  /** The single sign-on button's label, when single sign-on is configured. */
  ssoLabel: string | null;
  signInUrl: string;
  invitedBy: string | null;
}

export type NotificationKind = keyof NotificationKinds;

export interface CalendarEvent {
  summary: string;
  date: LocalDate;
  description: string;
  /** The attachment's file name, e.g. `uppdraget-borjar.ics`. */
  filename: string;
  /** The page where the task is done (the event's `URL`). */
  url: string;
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
      url: d.acknowledgeUrl,
      description:
        `Du är ${d.kind === 'primary' ? 'samordnare' : 'ersättare för samordnaren'} för medborgarservice på ${d.departmentName} ` +
        `från och med ${formatSwedishDate(d.validFrom)}${d.validTo ? ` till och med ${formatSwedishDate(d.validTo)}` : ''}. Bekräfta uppdraget: ${d.acknowledgeUrl}`,
    }),
  },
  'department.lacks_coordinator': { mandatory: true },
  'round.launched': {
    mandatory: true,
    calendar: (d: NotificationKinds['round.launched']) => ({
      summary: `Sista dag att lämna in behov: ${d.roundTitle}`,
      date: d.needsDeadline,
      filename: 'sista-dag-behov.ics',
      url: d.needsUrl ?? d.roundUrl,
      description:
        `${d.departmentName} lämnar in sina behov inom medborgarservice till planomgången ${d.roundTitle} (${d.caseNumber}) ` +
        `senast ${formatSwedishDate(d.needsDeadline)}. Behoven: ${d.needsUrl ?? d.roundUrl}`,
    }),
  },
  // The status report at a phase change (DESIGN: "periodic and at phase change") always goes out.
  'round.phase_changed': { mandatory: true },
  'round.deadline_passed': { mandatory: true },
  'needs.endorsement_requested': { mandatory: true },
  // Deadline reminders always go out (the issue: reminders stop only when the department hands in).
  'needs.reminder': { mandatory: true },
  'needs.escalation': { mandatory: true },
  'needs.returned': { mandatory: true },
  'needs.endorsed': { mandatory: true },
  'needs.collection_closed': { mandatory: true },
  // How a new user signs in: always sent.
  'user.invited': { mandatory: true },
  // A question about the plan and its answer: the thread is the department's clarification, always sent.
  'plan.question_asked': { mandatory: true },
  'plan.question_answered': { mandatory: true },
  // What is expected of the department in the frozen plan: always sent.
  'plan.responsibility_summary': { mandatory: true },
  // The decision on the plan: what the department is now committed to, and (returned) the strategists' work to do.
  'plan.adopted': { mandatory: true },
  'plan.returned': { mandatory: true },
  // The remiss, its extensions and its reminders concern the committee's formal response: always sent.
  'consultation.sent': {
    mandatory: true,
    calendar: (d: NotificationKinds['consultation.sent']) => ({
      summary: `Sista dag för remissvar: ${d.roundTitle}`,
      date: d.replyBy,
      filename: 'sista-dag-remissvar.ics',
      url: d.responseUrl,
      description: `${d.committeeName} svarar på remissen av ${d.roundTitle} (${d.caseNumber}) senast ${formatSwedishDate(d.replyBy)}. Svaret: ${d.responseUrl}`,
    }),
  },
  'consultation.extension_requested': { mandatory: true },
  'consultation.extension_decided': { mandatory: true },
  'consultation.reminder': { mandatory: true },
  // The follow-up's reminders stop only when the reports are in: always sent.
  'follow_up.reminder': { mandatory: true },
  'follow_up.escalation': { mandatory: true },
  // The receipt of a committee's formal response: the committee's own record, always sent.
  'consultation.response_receipt': { mandatory: true },
  // The periodic status digest is the one optional kind: it comes as often as the recipient chose (`off`: never).
  'digest.status': { mandatory: false },
};

export const NOTIFICATION_KINDS = Object.keys(KIND_SETTINGS) as NotificationKind[];
