import {
  PLAN_ITEM_FIELD_LABELS,
  PLAN_ITEM_STATUS_LABELS,
  PLAN_TEXT_LABELS,
  PlanDiff,
  PlanDocument,
  PlanFieldChange,
  PlanItemStatus,
  PlanResponsibilityPart,
  PlanTextChange,
  PlanVersionSummary,
  RESPONSIBILITY_ROLE_LABELS,
  WordChange,
  isEmptyDiff,
} from '@samverka/plan';
import { formatSwedishDateTime } from '@samverka/kernel';
import { PageModel } from '../../shell/view-renderer';
import { ErrorSummaryItem } from '../../shell/format';
import { planDocumentView, PlanDocumentView } from './plan-document.presenter';
import { effortText, itemAnchor, planDiffPath, planPath, planVersionDocxPath, planVersionPath, planVersionPrintPath, planVersionsPath } from './plan-format';
import { PlanRoundHead } from './plan-draft-page.presenter';

/** "30 november 2026 kl. 07.15, Annika Åsberg". */
const frozenText = (at: string, by: string | null): string => `${formatSwedishDateTime(new Date(at))}${by ? `, ${by}` : ''}`;

interface VersionsHead extends PageModel {
  caption: string;
  backHref: string;
  backText: string;
}

function head(round: PlanRoundHead, title: string, draftReadable: boolean, back?: { href: string; text: string }): VersionsHead {
  return {
    title: `${title} – ${round.title}`,
    section: 'rounds',
    caption: `Utvecklingsplan – ${round.title}${round.caseNumber ? `, diarienummer ${round.caseNumber}` : ''}`,
    backHref: back?.href ?? (draftReadable ? planPath(round.id) : `/planomgangar/${round.id}`),
    backText: back?.text ?? (draftReadable ? 'Tillbaka till planen' : 'Tillbaka till planomgången'),
  };
}

/** The pick-two-versions form (GET): from a to b, the latest two preselected. */
export interface CompareFormView {
  action: string;
  from: Array<{ value: string; text: string; selected: boolean }>;
  to: Array<{ value: string; text: string; selected: boolean }>;
}

export function compareForm(roundId: string, versions: readonly number[], a?: number, b?: number): CompareFormView | null {
  if (versions.length < 2) return null;
  const sorted = [...versions].sort((x, y) => x - y);
  const to = b ?? sorted[sorted.length - 1];
  const from = a ?? sorted[sorted.length - 2];
  const options = (chosen: number) => sorted.map((v) => ({ value: String(v), text: `Version ${v}`, selected: v === chosen }));
  return { action: `${planVersionsPath(roundId)}/jamfor`, from: options(from), to: options(to) };
}

export interface PlanVersionsPageModel extends VersionsHead {
  rows: Array<{ text: string; href: string; frozen: string; items: string; compareHref: string | null }>;
  compare: CompareFormView | null;
}

/** Låsta versioner: every frozen version, newest first, each linked, with a link to what changed from the one before. */
export function buildPlanVersionsPage(round: PlanRoundHead, versions: readonly PlanVersionSummary[], draftReadable: boolean): PlanVersionsPageModel {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return {
    ...head(round, 'Låsta versioner av planen', draftReadable),
    rows: newestFirst.map((v) => ({
      text: `Version ${v.version}`,
      href: planVersionPath(round.id, v.version),
      frozen: frozenText(v.frozenAt, v.frozenBy),
      items: String(v.itemCount),
      compareHref: v.version > 1 ? planDiffPath(round.id, v.version - 1, v.version) : null,
    })),
    compare: compareForm(
      round.id,
      versions.map((v) => v.version),
    ),
  };
}

export interface PlanVersionPageModel extends VersionsHead {
  heading: string;
  frozen: string;
  latest: boolean;
  latestHref: string | null;
  previousDiffHref: string | null;
  printHref: string;
  docxHref: string;
  plan: PlanDocumentView;
}

/** One frozen version, read only, laid out as the draft. */
export function buildPlanVersionPage(round: PlanRoundHead, doc: PlanDocument, latestVersion: number, draftReadable: boolean): PlanVersionPageModel {
  const n = doc.version ?? 0;
  return {
    ...head(round, `Utvecklingsplan version ${n}`, draftReadable),
    heading: `Utvecklingsplan, version ${n}`,
    frozen: `Låst ${frozenText(doc.frozenAt ?? new Date(0).toISOString(), doc.frozenBy)}.`,
    latest: n === latestVersion,
    latestHref: n === latestVersion ? null : planVersionPath(round.id, latestVersion),
    previousDiffHref: n > 1 ? planDiffPath(round.id, n - 1, n) : null,
    printHref: planVersionPrintPath(round.id, n),
    docxHref: planVersionDocxPath(round.id, n),
    plan: planDocumentView(doc, false),
  };
}

/** A text in a diff: unchanged words as they are, added in <ins>, removed in <del>. */
export interface WordView {
  text: string;
  added: boolean;
  removed: boolean;
}

const words = (w: readonly WordChange[]): WordView[] => w.map((c) => ({ text: c.value, added: c.added === true, removed: c.removed === true }));


export interface FieldChangeView {
  label: string;
  /** Texts: the words, marked. */
  words: WordView[] | null;
  /** Other fields: before → after. */
  before: string;
  after: string;
}

function fieldChangeView(c: PlanFieldChange, areaName: (code: string | null) => string): FieldChangeView {
  const shown = (value: string | null): string => {
    if (value === null || value === '') return '–';
    if (c.field === 'status') return PLAN_ITEM_STATUS_LABELS[value as PlanItemStatus] ?? value;
    if (c.field === 'areaCode') return areaName(value);
    return value;
  };
  return { label: PLAN_ITEM_FIELD_LABELS[c.field], words: c.words ? words(c.words) : null, before: shown(c.before), after: shown(c.after) };
}

const partText = (p: PlanResponsibilityPart | null): string =>
  p === null ? 'Ingen roll' : [RESPONSIBILITY_ROLE_LABELS[p.role], p.expectations.trim() || null, effortText(p.effortHours)].filter((s) => s !== null).join(' – ');

export interface PlanDiffPageModel extends VersionsHead {
  heading: string;
  a: number;
  b: number;
  empty: boolean;
  compare: CompareFormView | null;
  texts: Array<{ label: string; words: WordView[] }>;
  added: Array<{ text: string; href: string; proposals: string[] }>;
  removed: Array<{ text: string }>;
  changed: Array<{ heading: string; anchor: string; fields: FieldChangeView[]; needsAdded: string[]; needsRemoved: string[]; proposals: string[] }>;
  responsibilities: Array<{ item: string; organisations: Array<{ organisation: string; before: string; after: string }> }>;
  errorSummary: ErrorSummaryItem[];
}

function textLabel(t: PlanTextChange, areaName: (code: string | null) => string): string {
  return t.field === 'areaIntroduction' ? `Inledning för ${areaName(t.areaCode ?? null)}` : PLAN_TEXT_LABELS[t.field];
}

/**
 * Jämför version a och b: the texts changed (word by word), items added and removed, items changed
 * field by field (texts word by word with <ins>/<del>), and per item each organisation whose part changed.
 */
export function buildPlanDiffPage(
  round: PlanRoundHead & { areas: ReadonlyArray<{ code: string; name: string }> },
  a: number,
  b: number,
  diff: PlanDiff,
  versions: readonly number[],
  draftReadable: boolean,
  /** Traceability: per item code, the consultation's triaged proposals that link it ("Kulturnämnden: … (tillgodoses)"). */
  proposalsByItem: ReadonlyMap<string, readonly string[]> = new Map(),
): PlanDiffPageModel {
  const proposalsOf = (code: string) => [...(proposalsByItem.get(code) ?? [])];
  const names = new Map(round.areas.map((x) => [x.code, x.name]));
  const areaName = (code: string | null) => (code === null ? '–' : (names.get(code) ?? code));
  const byItem = new Map<string, PlanDiffPageModel['responsibilities'][number]>();
  for (const r of diff.responsibilitiesChanged) {
    const key = r.itemId;
    const entry = byItem.get(key) ?? { item: `${r.code} ${r.title}`, organisations: [] };
    entry.organisations.push({ organisation: r.organisation.name, before: partText(r.before), after: partText(r.after) });
    byItem.set(key, entry);
  }
  for (const entry of byItem.values()) entry.organisations.sort((x, y) => x.organisation.localeCompare(y.organisation, 'sv'));
  return {
    ...head(round, `Ändringar från version ${a} till ${b}`, draftReadable, { href: planVersionsPath(round.id), text: 'Tillbaka till versionerna' }),
    heading: `Ändringar från version ${a} till version ${b}`,
    a,
    b,
    empty: isEmptyDiff(diff),
    compare: compareForm(round.id, versions, a, b),
    texts: diff.textsChanged.map((t) => ({ label: textLabel(t, areaName), words: words(t.words) })),
    added: diff.itemsAdded.map((i) => ({ text: `${i.code} ${i.title} (${areaName(i.areaCode)})`, href: `${planVersionPath(round.id, b)}#${itemAnchor(i.code)}`, proposals: proposalsOf(i.code) })),
    removed: diff.itemsRemoved.map((i) => ({ text: `${i.code} ${i.title} (${areaName(i.areaCode)})` })),
    changed: diff.itemsChanged.map((c) => ({
      heading: `${c.code} ${c.title}`,
      anchor: `andrad-${c.code}`,
      fields: c.fields.map((f) => fieldChangeView(f, areaName)),
      needsAdded: c.needsAdded.map((n) => `${n.title} (${n.departmentName})`),
      needsRemoved: c.needsRemoved.map((n) => `${n.title} (${n.departmentName})`),
      proposals: proposalsOf(c.code),
    })),
    responsibilities: [...byItem.values()],
    errorSummary: [],
  };
}
