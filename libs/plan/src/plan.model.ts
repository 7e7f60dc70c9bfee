import type { LocalDate } from '@samverka/kernel';

/**
 * The plan (utvecklingsplan) of one round: a draft that strategists edit, and immutable frozen
 * versions 1, 2, … Both are read as the same shape, a `PlanDocument`: the draft is assembled from
 * the tables, a version is the snapshot stored when it was frozen (`plan_version.snapshot`).
 */

export const RESPONSIBILITY_ROLES = ['responsible', 'accountable', 'consulted', 'informed'] as const;
/** RACI: utför (R), ansvarig (A), rådfrågas (C), informeras (I). */
export type ResponsibilityRole = (typeof RESPONSIBILITY_ROLES)[number];

export const PLAN_ITEM_STATUSES = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

export const PLAN_START_FROM = ['empty', 'previousRound'] as const;
export type PlanStartFrom = (typeof PLAN_START_FROM)[number];

/** Hours per year in one full-time equivalent (årsarbetskraft), for showing effort as FTE. */
export const HOURS_PER_FTE = 1700;

/** The organisation a responsibility belongs to: a department, or the contact centre as its own organisation. */
export type PlanOrganisation =
  | { kind: 'department'; departmentId: string; name: string }
  | { kind: 'contactCentre'; name: string };

/** The contact centre's name in the responsibility allocation. */
export const CONTACT_CENTRE_NAME = 'Kontaktcenter';

/** A stable key per organisation: the department id, or `contactCentre`. */
export function organisationKey(o: PlanOrganisation): string {
  return o.kind === 'department' ? o.departmentId : 'contactCentre';
}

export interface PlanResponsibility {
  organisation: PlanOrganisation;
  role: ResponsibilityRole;
  /** What exactly is expected, by when. */
  expectations: string;
  /** Estimated effort in hours per year (null: not estimated). */
  effortHours: number | null;
}

export interface PlanItemNeed {
  id: string;
  title: string;
  departmentId: string;
  departmentName: string;
  areaCode: string;
}

export interface PlanItem {
  /** Stable across versions of the round's plan (the draft's item id). */
  id: string;
  /** Stable within the plan and across rounds, e.g. `LS-3`. */
  code: string;
  areaCode: string;
  title: string;
  description: string;
  expectedEffect: string | null;
  indicator: string | null;
  /** A date `YYYY-MM-DD` or a term such as `2027 T1`, `2027 Q2`, `2027`. */
  startsOn: string | null;
  endsOn: string | null;
  status: PlanItemStatus;
  /** Carried over from the previous round's adopted plan (the code it had there). */
  carriedOverFrom: { roundId: string; code: string } | null;
  needs: PlanItemNeed[];
  responsibilities: PlanResponsibility[];
}

export interface PlanArea {
  code: string;
  name: string;
  introduction: string;
  items: PlanItem[];
}

export interface PlanTexts {
  introduction: string;
  /** Kontaktcenters uppdrag och mandat. */
  contactCentreMandate: string;
  /** Förvaltningarnas ansvar för de egna myndighetsprocesserna. */
  departmentResponsibility: string;
}

export interface PlanNeedDeferral {
  needId: string;
  reason: string;
}

/** One plan as read: the draft, or a frozen version. */
export interface PlanDocument {
  roundId: string;
  /** The version's number; null for the draft. */
  version: number | null;
  /** When the version was frozen (null for the draft) and by whom. */
  frozenAt: string | null;
  frozenBy: string | null;
  texts: PlanTexts;
  /** The round's areas in their order, each with its items in order. */
  areas: PlanArea[];
  /** Needs deferred with a reason (not answered by an item in this plan). */
  deferrals: PlanNeedDeferral[];
}

/** Commands (unchecked: `rules/plan.rules.ts` checks them). */
export interface StartPlanInput {
  startFrom: PlanStartFrom;
}

export interface UpdatePlanTextsInput {
  introduction?: string;
  contactCentreMandate?: string;
  departmentResponsibility?: string;
  /** Per-area introductions by area code. */
  areaIntroductions?: Array<{ areaCode: string; introduction: string }>;
}

export interface CreatePlanItemInput {
  areaCode: string;
  title: string;
  description: string;
  code?: string;
  needIds?: string[];
  expectedEffect?: string | null;
  indicator?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  status?: PlanItemStatus;
}

export type UpdatePlanItemInput = Partial<CreatePlanItemInput>;

export interface ResponsibilityInput {
  departmentId?: string;
  contactCentre?: true;
  role: ResponsibilityRole;
  expectations: string;
  effortHours?: number | null;
}

export interface SetResponsibilitiesInput {
  responsibilities: ResponsibilityInput[];
}

/** A frozen version in the list. */
export interface PlanVersionSummary {
  version: number;
  frozenAt: string;
  frozenBy: string | null;
  itemCount: number;
}

export type { LocalDate };
