import { diffWords } from 'diff';
import { organisationKey, PlanDocument, PlanItem, PlanItemNeed, PlanOrganisation, PlanResponsibility, PlanTexts, ResponsibilityRole } from '../plan.model';

/**
 * What changed between two plan documents (two frozen versions, or a version and the draft): pure,
 * no database. Items are matched by their stable `id` (the draft's item id, kept in every version),
 * falling back to the `code` for items whose id is not on the other side.
 */

/** One part of a word-level diff of a text: unchanged, added or removed words. */
export interface WordChange {
  value: string;
  added?: true;
  removed?: true;
}

/** An item as named in a diff. */
export interface PlanDiffItemRef {
  id: string;
  code: string;
  areaCode: string;
  title: string;
}

export const PLAN_ITEM_DIFF_FIELDS = ['code', 'areaCode', 'title', 'description', 'expectedEffect', 'indicator', 'startsOn', 'endsOn', 'status'] as const;
export type PlanItemDiffField = (typeof PLAN_ITEM_DIFF_FIELDS)[number];

/** The free-text fields: their changes carry a word-level diff. */
const WORDED_FIELDS: ReadonlySet<PlanItemDiffField> = new Set(['title', 'description', 'expectedEffect', 'indicator']);

export interface PlanFieldChange {
  field: PlanItemDiffField;
  before: string | null;
  after: string | null;
  /** For texts: the word-level diff from before to after. */
  words?: WordChange[];
}

export interface PlanItemChange extends PlanDiffItemRef {
  /** The item's own fields that changed, in a fixed order. */
  fields: PlanFieldChange[];
  needsAdded: PlanItemNeed[];
  needsRemoved: PlanItemNeed[];
}

/** One organisation's part in one item. */
export interface PlanResponsibilityPart {
  role: ResponsibilityRole;
  expectations: string;
  effortHours: number | null;
}

/** One organisation's part in one item that is new, gone or different (also for added and removed items). */
export interface PlanResponsibilityChange {
  itemId: string;
  code: string;
  title: string;
  organisation: PlanOrganisation;
  before: PlanResponsibilityPart | null;
  after: PlanResponsibilityPart | null;
}

export type PlanTextField = keyof PlanTexts | 'areaIntroduction';

export interface PlanTextChange {
  field: PlanTextField;
  /** For an area's introduction: which area. */
  areaCode?: string;
  before: string;
  after: string;
  words: WordChange[];
}

export interface PlanDiff {
  itemsAdded: PlanDiffItemRef[];
  itemsRemoved: PlanDiffItemRef[];
  itemsChanged: PlanItemChange[];
  responsibilitiesChanged: PlanResponsibilityChange[];
  textsChanged: PlanTextChange[];
}

/** True when the diff holds no change at all. */
export function isEmptyDiff(d: PlanDiff): boolean {
  return d.itemsAdded.length + d.itemsRemoved.length + d.itemsChanged.length + d.responsibilitiesChanged.length + d.textsChanged.length === 0;
}

/** The word-level diff of two texts. */
export function wordDiff(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((c) => ({ value: c.value, ...(c.added ? { added: true as const } : {}), ...(c.removed ? { removed: true as const } : {}) }));
}

function itemsOf(doc: PlanDocument): PlanItem[] {
  return doc.areas.flatMap((a) => a.items);
}

function ref(i: PlanItem): PlanDiffItemRef {
  return { id: i.id, code: i.code, areaCode: i.areaCode, title: i.title };
}

/** Pairs the items of a and b: by id first, then by code among those left over. */
function matchItems(a: PlanItem[], b: PlanItem[]): { pairs: Array<[PlanItem, PlanItem]>; added: PlanItem[]; removed: PlanItem[] } {
  const aById = new Map(a.map((i) => [i.id, i]));
  const matchedA = new Set<PlanItem>();
  const pairs: Array<[PlanItem, PlanItem]> = [];
  const unmatchedB: PlanItem[] = [];
  for (const item of b) {
    const before = aById.get(item.id);
    if (before) {
      pairs.push([before, item]);
      matchedA.add(before);
    } else {
      unmatchedB.push(item);
    }
  }
  const leftByCode = new Map(a.filter((i) => !matchedA.has(i)).map((i) => [i.code, i]));
  const added: PlanItem[] = [];
  for (const item of unmatchedB) {
    const before = leftByCode.get(item.code);
    if (before) {
      pairs.push([before, item]);
      matchedA.add(before);
      leftByCode.delete(item.code);
    } else {
      added.push(item);
    }
  }
  const removed = a.filter((i) => !matchedA.has(i));
  // Keep b's order for pairs (the order a reader of the newer document sees).
  const order = new Map(b.map((i, n) => [i, n]));
  pairs.sort((x, y) => (order.get(x[1]) ?? 0) - (order.get(y[1]) ?? 0));
  return { pairs, added, removed };
}

function fieldChanges(before: PlanItem, after: PlanItem): PlanFieldChange[] {
  const changes: PlanFieldChange[] = [];
  for (const field of PLAN_ITEM_DIFF_FIELDS) {
    const x = before[field] ?? null;
    const y = after[field] ?? null;
    if (x === y) continue;
    const change: PlanFieldChange = { field, before: x, after: y };
    if (WORDED_FIELDS.has(field)) change.words = wordDiff(x ?? '', y ?? '');
    changes.push(change);
  }
  return changes;
}

function needChanges(before: PlanItem, after: PlanItem): { needsAdded: PlanItemNeed[]; needsRemoved: PlanItemNeed[] } {
  const beforeIds = new Set(before.needs.map((n) => n.id));
  const afterIds = new Set(after.needs.map((n) => n.id));
  return { needsAdded: after.needs.filter((n) => !beforeIds.has(n.id)), needsRemoved: before.needs.filter((n) => !afterIds.has(n.id)) };
}

function part(r: PlanResponsibility): PlanResponsibilityPart {
  return { role: r.role, expectations: r.expectations, effortHours: r.effortHours ?? null };
}

function samePart(x: PlanResponsibilityPart, y: PlanResponsibilityPart): boolean {
  return x.role === y.role && x.expectations === y.expectations && x.effortHours === y.effortHours;
}

/** The responsibilities of one item (either side may be absent: an added or removed item), per organisation. */
function responsibilityChanges(before: PlanItem | null, after: PlanItem | null): PlanResponsibilityChange[] {
  const item = (after ?? before)!;
  const beforeByOrg = new Map((before?.responsibilities ?? []).map((r) => [organisationKey(r.organisation), r]));
  const afterByOrg = new Map((after?.responsibilities ?? []).map((r) => [organisationKey(r.organisation), r]));
  const changes: PlanResponsibilityChange[] = [];
  const base = { itemId: item.id, code: item.code, title: item.title };
  for (const [key, r] of afterByOrg) {
    const old = beforeByOrg.get(key);
    if (old && samePart(part(old), part(r))) continue;
    changes.push({ ...base, organisation: r.organisation, before: old ? part(old) : null, after: part(r) });
  }
  for (const [key, r] of beforeByOrg) {
    if (!afterByOrg.has(key)) changes.push({ ...base, organisation: r.organisation, before: part(r), after: null });
  }
  return changes;
}

function textChanges(a: PlanDocument, b: PlanDocument): PlanTextChange[] {
  const changes: PlanTextChange[] = [];
  for (const field of ['introduction', 'contactCentreMandate', 'departmentResponsibility'] as const) {
    const x = a.texts[field] ?? '';
    const y = b.texts[field] ?? '';
    if (x !== y) changes.push({ field, before: x, after: y, words: wordDiff(x, y) });
  }
  const aAreas = new Map(a.areas.map((area) => [area.code, area.introduction ?? '']));
  const codes = [...b.areas.map((area) => area.code), ...a.areas.map((area) => area.code).filter((c) => !b.areas.some((area) => area.code === c))];
  const bAreas = new Map(b.areas.map((area) => [area.code, area.introduction ?? '']));
  for (const areaCode of codes) {
    const x = aAreas.get(areaCode) ?? '';
    const y = bAreas.get(areaCode) ?? '';
    if (x !== y) changes.push({ field: 'areaIntroduction', areaCode, before: x, after: y, words: wordDiff(x, y) });
  }
  return changes;
}

/** What changed from `a` (older) to `b` (newer). */
export function diffPlans(a: PlanDocument, b: PlanDocument): PlanDiff {
  const { pairs, added, removed } = matchItems(itemsOf(a), itemsOf(b));
  const itemsChanged: PlanItemChange[] = [];
  const responsibilitiesChanged: PlanResponsibilityChange[] = [];
  for (const [before, after] of pairs) {
    const fields = fieldChanges(before, after);
    const needs = needChanges(before, after);
    if (fields.length > 0 || needs.needsAdded.length > 0 || needs.needsRemoved.length > 0) itemsChanged.push({ ...ref(after), fields, ...needs });
    responsibilitiesChanged.push(...responsibilityChanges(before, after));
  }
  for (const item of added) responsibilitiesChanged.push(...responsibilityChanges(null, item));
  for (const item of removed) responsibilitiesChanged.push(...responsibilityChanges(item, null));
  return {
    itemsAdded: added.map(ref),
    itemsRemoved: removed.map(ref),
    itemsChanged,
    responsibilitiesChanged,
    textsChanged: textChanges(a, b),
  };
}
