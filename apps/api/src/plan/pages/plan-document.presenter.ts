import {
  CONTACT_CENTRE_NAME,
  PLAN_TEXT_LABELS,
  PlanArea,
  PlanDocument,
  PlanItem,
  PlanResponsibility,
  RESPONSIBILITY_ROLE_LABELS,
  RESPONSIBILITY_ROLE_LETTERS,
} from '@samverka/plan';
import { tag, TagView } from '../../shell/format';
import {
  effortText,
  itemAnchor,
  itemPeriod,
  itemStatusTag,
  paragraphs,
  planItemDeletePath,
  planItemNewPath,
  planItemPath,
  planItemResponsibilitiesPath,
} from './plan-format';

/** One organisation's part in an item: "Kontaktcenter – Ansvarig (A) – … – 340 h/år (0,20 åa)". */
export interface ResponsibilityView {
  organisation: string;
  role: string;
  letter: string;
  expectations: string[];
  effort: string | null;
}

/** An item as the plan shows it; with the strategist's links while the draft may be edited. */
export interface PlanItemView {
  id: string;
  code: string;
  anchor: string;
  title: string;
  status: TagView;
  period: string | null;
  description: string[];
  expectedEffect: string[];
  indicator: string[];
  carriedOver: string | null;
  needs: Array<{ text: string }>;
  responsibilities: ResponsibilityView[];
  /** Shown when no organisation is accountable (A): consultation waits for one. */
  missingAccountable: TagView | null;
  totalEffort: string | null;
  actions: { editHref: string; responsibilitiesHref: string; deleteHref: string } | null;
}

export interface PlanAreaView {
  code: string;
  name: string;
  headingId: string;
  introduction: string[];
  items: PlanItemView[];
  newItemHref: string | null;
}

export interface PlanTextView {
  id: string;
  heading: string;
  paragraphs: string[];
}

export interface PlanDocumentView {
  texts: PlanTextView[];
  areas: PlanAreaView[];
  itemCount: number;
}

/** The three plan-level texts, in the order the plan shows them. */
export const PLAN_TEXT_KEYS = ['introduction', 'contactCentreMandate', 'departmentResponsibility'] as const;

/** The organisation's name: the department's, or the contact centre's. */
export const organisationName = (r: Pick<PlanResponsibility, 'organisation'>): string =>
  r.organisation.kind === 'contactCentre' ? r.organisation.name || CONTACT_CENTRE_NAME : r.organisation.name;

export function responsibilityView(r: PlanResponsibility): ResponsibilityView {
  return {
    organisation: organisationName(r),
    role: RESPONSIBILITY_ROLE_LABELS[r.role],
    letter: RESPONSIBILITY_ROLE_LETTERS[r.role],
    expectations: paragraphs(r.expectations),
    effort: effortText(r.effortHours),
  };
}

/** The contact centre first, then the departments by name (the responsibilities form has the same order). */
function byOrganisation(a: PlanResponsibility, b: PlanResponsibility): number {
  if (a.organisation.kind !== b.organisation.kind) return a.organisation.kind === 'contactCentre' ? -1 : 1;
  return organisationName(a).localeCompare(organisationName(b), 'sv');
}

export function planItemView(roundId: string, item: PlanItem, editable: boolean): PlanItemView {
  const efforts = item.responsibilities.map((r) => r.effortHours).filter((h): h is number => h !== null);
  return {
    id: item.id,
    code: item.code,
    anchor: itemAnchor(item.code),
    title: item.title,
    status: itemStatusTag(item.status),
    period: itemPeriod(item.startsOn, item.endsOn),
    description: paragraphs(item.description),
    expectedEffect: paragraphs(item.expectedEffect),
    indicator: paragraphs(item.indicator),
    carriedOver: item.carriedOverFrom ? `Överförd från föregående plan (där ${item.carriedOverFrom.code})` : null,
    needs: item.needs.map((n) => ({ text: `${n.title} (${n.departmentName})` })),
    responsibilities: [...item.responsibilities].sort(byOrganisation).map(responsibilityView),
    missingAccountable: item.responsibilities.some((r) => r.role === 'accountable') ? null : tag('Saknar ansvarig (A)', 'red'),
    totalEffort: efforts.length > 0 ? effortText(efforts.reduce((s, h) => s + h, 0)) : null,
    actions: editable
      ? { editHref: planItemPath(roundId, item.id), responsibilitiesHref: planItemResponsibilitiesPath(roundId, item.id), deleteHref: planItemDeletePath(roundId, item.id) }
      : null,
  };
}

function areaView(roundId: string, area: PlanArea, editable: boolean): PlanAreaView {
  return {
    code: area.code,
    name: area.name,
    headingId: `omrade-${area.code}`,
    introduction: paragraphs(area.introduction),
    items: area.items.map((item) => planItemView(roundId, item, editable)),
    newItemHref: editable ? planItemNewPath(roundId, area.code) : null,
  };
}

/** A plan (the draft, or a frozen version) as its pages show it: the texts, then per area its introduction and items. */
export function planDocumentView(doc: PlanDocument, editable: boolean): PlanDocumentView {
  return {
    texts: PLAN_TEXT_KEYS.map((key) => ({ id: `text-${key}`, heading: PLAN_TEXT_LABELS[key], paragraphs: paragraphs(doc.texts[key]) })),
    areas: doc.areas.map((area) => areaView(doc.roundId, area, editable)),
    itemCount: doc.areas.reduce((n, a) => n + a.items.length, 0),
  };
}
