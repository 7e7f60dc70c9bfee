import { CONTACT_CENTRE_NAME, HOURS_PER_FTE, organisationKey, PlanDocument, PlanItem, PlanItemStatus, PlanOrganisation, PlanResponsibility, ResponsibilityRole } from '../plan.model';
import { PLAN_ITEM_FIELD_LABELS, PLAN_ITEM_STATUS_LABELS, RESPONSIBILITY_ROLE_LABELS, RESPONSIBILITY_ROLE_LETTERS } from '../plan.vocabulary';
import { diffPlans, PlanFieldChange, PlanResponsibilityChange } from '../diff/plan-diff';

/**
 * Ansvarsfördelning, assembled from a `PlanDocument` (the draft or a frozen version) by pure
 * functions: the matrix (items × organisations with their RACI letters and each organisation's
 * total effort) and one department's summary (its part item by item, beside the contact centre's).
 */

/** The key of the contact centre among the matrix's organisations (a department's key is its id). */
export const CONTACT_CENTRE_KEY = 'contactCentre';

export interface MatrixFilter {
  /** Only the items of this area. */
  areaCode?: string | null;
  /** Only the items in which this organisation (a department id, or `contactCentre`) has a role. */
  organisation?: string | null;
}

export interface MatrixOrganisation {
  /** The department's id, or `contactCentre`. */
  key: string;
  kind: PlanOrganisation['kind'];
  departmentId: string | null;
  name: string;
  /** Estimated hours per year over the items shown (items without an estimate count 0). */
  totalEffortHours: number;
}

export interface MatrixCell {
  /** The organisation's key (the column). */
  organisation: string;
  role: ResponsibilityRole | null;
  /** R, A, C or I; null when the organisation has no role in the item. */
  letter: string | null;
  effortHours: number | null;
}

export interface MatrixRow {
  itemId: string;
  code: string;
  title: string;
  areaCode: string;
  areaName: string;
  startsOn: string | null;
  endsOn: string | null;
  status: PlanItemStatus;
  /** One per organisation, in the organisations' order. */
  cells: MatrixCell[];
}

export interface ResponsibilityMatrix {
  roundId: string;
  /** The version's number; null for the draft. */
  version: number | null;
  frozenAt: string | null;
  filter: { areaCode: string | null; organisation: string | null };
  /** The contact centre first, then the departments with a role in an item shown, by name. */
  organisations: MatrixOrganisation[];
  rows: MatrixRow[];
}

const collator = new Intl.Collator('sv');

function itemsOf(doc: PlanDocument): Array<{ item: PlanItem; areaName: string }> {
  return doc.areas.flatMap((a) => a.items.map((item) => ({ item, areaName: a.name })));
}

const sum = (values: Array<number | null>): number => Math.round(values.reduce<number>((t, v) => t + (v ?? 0), 0) * 10) / 10;

/** The matrix of a plan, filtered by area and organisation (the totals are over the items shown). */
export function assembleMatrix(doc: PlanDocument, filter: MatrixFilter = {}): ResponsibilityMatrix {
  const areaCode = filter.areaCode ?? null;
  const organisation = filter.organisation ?? null;
  const shown = itemsOf(doc).filter(
    ({ item }) => (areaCode === null || item.areaCode === areaCode) && (organisation === null || item.responsibilities.some((r) => organisationKey(r.organisation) === organisation)),
  );
  const departments = new Map<string, string>();
  for (const { item } of shown) for (const r of item.responsibilities) if (r.organisation.kind === 'department') departments.set(r.organisation.departmentId, r.organisation.name);
  const columns: Array<Omit<MatrixOrganisation, 'totalEffortHours'>> = [
    { key: CONTACT_CENTRE_KEY, kind: 'contactCentre', departmentId: null, name: CONTACT_CENTRE_NAME },
    ...[...departments]
      .sort(([, a], [, b]) => collator.compare(a, b))
      .map(([departmentId, name]) => ({ key: departmentId, kind: 'department' as const, departmentId, name })),
  ];
  const rows: MatrixRow[] = shown.map(({ item, areaName }) => {
    const byKey = new Map(item.responsibilities.map((r) => [organisationKey(r.organisation), r]));
    return {
      itemId: item.id,
      code: item.code,
      title: item.title,
      areaCode: item.areaCode,
      areaName,
      startsOn: item.startsOn,
      endsOn: item.endsOn,
      status: item.status,
      cells: columns.map((c) => {
        const r = byKey.get(c.key);
        return { organisation: c.key, role: r?.role ?? null, letter: r ? RESPONSIBILITY_ROLE_LETTERS[r.role] : null, effortHours: r?.effortHours ?? null };
      }),
    };
  });
  const organisations = columns.map((c, i) => ({ ...c, totalEffortHours: sum(rows.map((row) => row.cells[i].effortHours)) }));
  return { roundId: doc.roundId, version: doc.version, frozenAt: doc.frozenAt, filter: { areaCode, organisation }, organisations, rows };
}

export interface OrganisationPart {
  role: ResponsibilityRole;
  roleLabel: string;
  expectations: string;
  effortHours: number | null;
}

export interface DepartmentSummaryItem {
  itemId: string;
  code: string;
  title: string;
  description: string;
  areaCode: string;
  areaName: string;
  startsOn: string | null;
  endsOn: string | null;
  status: PlanItemStatus;
  statusLabel: string;
  /** The department's own part. */
  role: ResponsibilityRole;
  roleLabel: string;
  expectations: string;
  effortHours: number | null;
  /** What the contact centre itself is responsible for on the same item (null: no part). */
  contactCentre: OrganisationPart | null;
}

export interface DepartmentSummary {
  roundId: string;
  version: number | null;
  frozenAt: string | null;
  department: { id: string; name: string };
  items: DepartmentSummaryItem[];
  /** Hours per year over the department's items (items without an estimate count 0). */
  totalEffortHours: number;
}

const partOf = (r: PlanResponsibility): OrganisationPart => ({ role: r.role, roleLabel: RESPONSIBILITY_ROLE_LABELS[r.role], expectations: r.expectations, effortHours: r.effortHours });

/** Everything the plan expects of one department, item by item, beside the contact centre's own part. */
export function assembleDepartmentSummary(doc: PlanDocument, department: { id: string; name: string }): DepartmentSummary {
  const items: DepartmentSummaryItem[] = [];
  for (const { item, areaName } of itemsOf(doc)) {
    const own = item.responsibilities.find((r) => r.organisation.kind === 'department' && r.organisation.departmentId === department.id);
    if (!own) continue;
    const centre = item.responsibilities.find((r) => r.organisation.kind === 'contactCentre');
    items.push({
      itemId: item.id,
      code: item.code,
      title: item.title,
      description: item.description,
      areaCode: item.areaCode,
      areaName,
      startsOn: item.startsOn,
      endsOn: item.endsOn,
      status: item.status,
      statusLabel: PLAN_ITEM_STATUS_LABELS[item.status],
      ...partOf(own),
      contactCentre: centre ? partOf(centre) : null,
    });
  }
  return { roundId: doc.roundId, version: doc.version, frozenAt: doc.frozenAt, department, items, totalEffortHours: sum(items.map((i) => i.effortHours)) };
}

const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const fteFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** "80 timmar per år (0,05 årsarbetskrafter)"; "ej uppskattad" without an estimate. */
export function formatEffort(hours: number | null): string {
  if (hours === null) return 'ej uppskattad';
  return `${numberFormat.format(hours)} timmar per år (${fteFormat.format(hours / HOURS_PER_FTE)} årsarbetskrafter)`;
}

/** "2027 T1 – 2027 T2", "från 2027 T1", "till 2027-06-30"; null when neither is set. */
export function formatPeriod(startsOn: string | null, endsOn: string | null): string | null {
  if (startsOn && endsOn) return `${startsOn} – ${endsOn}`;
  if (startsOn) return `från ${startsOn}`;
  if (endsOn) return `till ${endsOn}`;
  return null;
}

export interface SummaryChange {
  code: string;
  title: string;
  kind: 'added' | 'removed' | 'changed';
  /** What changed, in Swedish: "Roll: Utför (R) → Ansvarig (A)". */
  details: string[];
}


/** A field's change in words: "Slut: 2027 T2 → 2027 T3"; long texts only say that they changed. */
function fieldDetail(change: PlanFieldChange): string {
  const label = PLAN_ITEM_FIELD_LABELS[change.field];
  if (change.field === 'description' || change.field === 'expectedEffect' || change.field === 'indicator') return `${label}: ändrad`;
  const show = (v: string | null) => (v === null ? 'inte angiven' : change.field === 'status' ? (PLAN_ITEM_STATUS_LABELS[v as PlanItemStatus] ?? v) : v);
  return `${label}: ${show(change.before)} → ${show(change.after)}`;
}

/**
 * What changed in a department's part from one version to the next: `diffPlans` restricted to the
 * department — its responsibilities that are new (an item where it got a role, or a new item), gone (it
 * lost its role, or the item left the plan) or different (role, expectations, effort), and the changed
 * fields of the items it has a role in. Another organisation's part (the contact centre's included) is
 * not a change of the department's part. Empty: nothing changed for the department.
 */
export function departmentChanges(previous: PlanDocument, current: PlanDocument, departmentId: string): SummaryChange[] {
  const diff = diffPlans(previous, current);
  const own = (r: PlanResponsibilityChange) => r.organisation.kind === 'department' && r.organisation.departmentId === departmentId;
  const byItem = new Map<string, SummaryChange>();
  const entry = (itemId: string, code: string, title: string, kind: SummaryChange['kind']) => {
    const found = byItem.get(itemId);
    if (found) return found;
    const created: SummaryChange = { code, title, kind, details: [] };
    byItem.set(itemId, created);
    return created;
  };
  for (const r of diff.responsibilitiesChanged.filter(own)) {
    if (r.before === null && r.after !== null) entry(r.itemId, r.code, r.title, 'added').details.push(`Ny roll: ${RESPONSIBILITY_ROLE_LABELS[r.after.role]}`);
    else if (r.before !== null && r.after === null) entry(r.itemId, r.code, r.title, 'removed').details.push(`Förvaltningen har inte längre någon roll (var ${RESPONSIBILITY_ROLE_LABELS[r.before.role]})`);
    else if (r.before !== null && r.after !== null) {
      const details = entry(r.itemId, r.code, r.title, 'changed').details;
      if (r.before.role !== r.after.role) details.push(`Roll: ${RESPONSIBILITY_ROLE_LABELS[r.before.role]} → ${RESPONSIBILITY_ROLE_LABELS[r.after.role]}`);
      if (r.before.expectations !== r.after.expectations) details.push(`Förväntningar: ${r.after.expectations}`);
      if (r.before.effortHours !== r.after.effortHours) details.push(`Uppskattad insats: ${formatEffort(r.before.effortHours)} → ${formatEffort(r.after.effortHours)}`);
    }
  }
  // The items the department still has a role in: their own changed fields.
  const withRole = new Set(assembleDepartmentSummary(current, { id: departmentId, name: '' }).items.map((i) => i.itemId));
  for (const item of diff.itemsChanged.filter((i) => withRole.has(i.id) && i.fields.length > 0)) {
    const change = entry(item.id, item.code, item.title, 'changed');
    change.details.push(...item.fields.map(fieldDetail));
  }
  // In the order of the current plan, the items that left the department last.
  const order = new Map(itemsOf(current).map(({ item }, i) => [item.id, i]));
  return [...byItem.entries()]
    .filter(([, c]) => c.details.length > 0)
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))
    .map(([, c]) => c);
}
