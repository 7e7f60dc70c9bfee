import type { LocalDate } from '@samverka/kernel';
import type { ItemReport, ReportingOrganisation, ReportingPeriod, ReportStatus } from './follow-up.model';

/**
 * The follow-up as read (GET /rounds/{id}/follow-up and the pages). Everything is for one period, the
 * selected one (`?periodId=`; by default the latest period whose due date has passed, or the first
 * period while none has): per organisation the latest revision of its report for that period.
 *
 * Roll-ups (per area, per department, the whole plan) are computed in SQL over the items:
 * - an item's progress is the mean of the progress its reporting organisations reported for the period;
 *   an item none of them has reported on is "not reported";
 * - `weightedProgress` = Σ(progress × effort) / Σ(effort) over the reported items with an estimated
 *   effort: items not reported (and items without an estimate) are left out of the figure;
 * - `coveredEffortHours` is the effort of the reported items, `totalEffortHours` that of all items, and
 *   `effortCoverage` the share (percent) of the effort the weighted figure covers;
 * - an item's status is the least favourable of its organisations' statuses
 *   (delayed, at risk, not started, on track, done, cancelled), counted in `statusCounts`.
 */

/** Status counts: each report status, and `not_reported`. */
export type StatusCounts = Record<ReportStatus | 'not_reported', number>;

/** The order in which an item's organisations' statuses decide its own (the first found wins). */
export const STATUS_SEVERITY: readonly ReportStatus[] = ['delayed', 'at_risk', 'not_started', 'on_track', 'done', 'cancelled'];

export interface RollUp {
  /** Percent done weighted by effort over the reported items with an estimate; null when no such item. */
  weightedProgress: number | null;
  coveredEffortHours: number;
  totalEffortHours: number;
  /** Percent of the total effort that the weighted figure covers; null when no item has an estimate. */
  effortCoverage: number | null;
  /** Items with at least one report for the period. */
  reported: number;
  notReported: number;
  statusCounts: StatusCounts;
}

/** One organisation's latest report on an item for the period (nulls: not reported). */
export interface OrganisationStatus {
  organisation: ReportingOrganisation;
  name: string;
  status: ReportStatus | null;
  progress: number | null;
  revision: number | null;
  comment: string | null;
  reportedAt: string | null;
  reportedBy: string | null;
}

export interface FollowUpViewItem {
  itemId: string;
  code: string;
  areaCode: string;
  title: string;
  effortHours: number | null;
  /** Mean of the organisations' progress for the period (null: not reported). */
  progress: number | null;
  /** The least favourable of the organisations' statuses (null: not reported). */
  status: ReportStatus | null;
  organisations: OrganisationStatus[];
}

export interface FollowUpViewArea {
  code: string;
  name: string;
  rollUp: RollUp;
}

/** One reporting organisation (a department, or the contact centre) in the period. */
export interface OrganisationFollowUp {
  organisation: ReportingOrganisation;
  name: string;
  /** Items it reports on. */
  obligations: number;
  /** Of them, reported for the period. */
  reported: number;
  missing: number;
  /** Reports it owes for periods already due (every period, not only the selected one). */
  overdue: number;
  /** Its own roll-up over its items, with its own progress. */
  rollUp: RollUp;
}

/** A report owed for a period whose due date has passed. */
export interface OverdueReport {
  organisation: ReportingOrganisation;
  name: string;
  itemId: string;
  itemCode: string;
  itemTitle: string;
  periodId: string;
  periodLabel: string;
  dueOn: LocalDate;
  /** The first day it is late (the day after the due date). */
  lateSince: LocalDate;
  workingDaysLate: number;
}

/** Status over periods: per period, the organisations' latest statuses counted (every obligation once). */
export interface PeriodStatus {
  periodId: string;
  label: string;
  dueOn: LocalDate;
  counts: StatusCounts;
}

export interface FollowUpPeriodView extends ReportingPeriod {
  /** Its due date has passed. */
  due: boolean;
}

export interface FollowUpView {
  plan: {
    roundId: string;
    title: string;
    year: number;
    state: string;
    today: LocalDate;
    /** The period the figures are for (null when the round has no periods). */
    period: FollowUpPeriodView | null;
    rollUp: RollUp;
  };
  periods: FollowUpPeriodView[];
  areas: FollowUpViewArea[];
  items: FollowUpViewItem[];
  departments: OrganisationFollowUp[];
  overdue: OverdueReport[];
  statusOverPeriods: PeriodStatus[];
}

/** One item's page: the item, who reports on it, the periods, and every revision sent (newest first). */
export interface FollowUpItemHistory {
  roundId: string;
  roundTitle: string;
  state: string;
  item: { itemId: string; code: string; areaCode: string; areaName: string; title: string; effortHours: number | null };
  reporters: Array<{ organisation: ReportingOrganisation; name: string }>;
  periods: FollowUpPeriodView[];
  reports: ItemReport[];
  today: LocalDate;
}
