import type { LocalDate } from '@samverka/kernel';

/**
 * Follow-up (uppföljning) of an adopted plan: reporting periods per round (tertials, quarters …, each
 * with a due date), and per period the reports of the organisations responsible (RACI `responsible`)
 * for each item of the adopted plan. A report is kept as it was sent; a correction is a new revision.
 *
 * When the round enters follow-up (RECORD_DECISION adopted), the adopted version's items and their
 * responsible organisations are copied into `follow_up_item` / `follow_up_obligation`: the follow-up
 * then reads its own tables (set-based roll-ups, reminders, digests), never the plan's snapshot.
 */

export const REPORT_STATUSES = ['not_started', 'on_track', 'at_risk', 'delayed', 'done', 'cancelled'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Statuses that must say the cause and what is needed. */
export const STATUSES_NEEDING_CAUSE: readonly ReportStatus[] = ['at_risk', 'delayed'];

/** Where a report came from. */
export const REPORT_SOURCES = ['api', 'form', 'csv'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

/** An organisation that reports: a department, or the contact centre (reporting through strategists). */
export type ReportingOrganisation = { kind: 'department'; departmentId: string } | { kind: 'contactCentre' };

/** A stable key per organisation: the department id, or `contactCentre` (as the plan's `organisationKey`). */
export function reportingOrganisationKey(o: ReportingOrganisation): string {
  return o.kind === 'department' ? o.departmentId : 'contactCentre';
}

export interface ReportingPeriod {
  id: string;
  label: string;
  dueOn: LocalDate;
  position: number;
}

/** One item of the adopted plan, as follow-up knows it. */
export interface FollowUpItem {
  itemId: string;
  code: string;
  areaCode: string;
  title: string;
  position: number;
  /** The item's estimated effort in hours per year (the sum over its responsibilities); null: not estimated. */
  effortHours: number | null;
}

/** One organisation's obligation to report on one item. */
export interface ReportObligation {
  itemId: string;
  organisation: ReportingOrganisation;
}

/** A report as stored (one revision). */
export interface ItemReport {
  id: string;
  roundId: string;
  periodId: string;
  itemId: string;
  itemCode: string;
  organisation: ReportingOrganisation;
  revision: number;
  status: ReportStatus;
  progress: number;
  comment: string;
  cause: string | null;
  needed: string | null;
  source: ReportSource;
  reportedBy: string | null;
  reportedAt: string;
}

/** Commands (unchecked: `rules/follow-up.rules.ts` checks them). */
export interface PeriodInput {
  /** An existing period's id (keeps its reports); absent: a new period. */
  id?: string;
  label: string;
  dueOn: LocalDate;
}

export interface SetPeriodsInput {
  periods: PeriodInput[];
}

export interface ReportInput {
  periodId: string;
  /** The department reported for; absent with `contactCentre: true` for the contact centre. */
  departmentId?: string;
  contactCentre?: boolean;
  status: ReportStatus;
  progress: number;
  comment: string;
  cause?: string | null;
  needed?: string | null;
}

/** A stored report's id and revision, as the POST answers. */
export interface RecordedReport {
  id: string;
  revision: number;
  periodId: string;
  itemId: string;
  itemCode: string;
  organisation: ReportingOrganisation;
  status: ReportStatus;
  progress: number;
  reportedAt: string;
}

export type { LocalDate };
