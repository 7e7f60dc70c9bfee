import { NeedPicker, PLAN_ITEM_STATUS_LABELS, PLAN_ITEM_STATUSES, PlanDiff, PlanDocument, PlanItem, RESPONSIBILITY_ROLE_LABELS, RESPONSIBILITY_ROLES, organisationKey } from '@samverka/plan';
import { ErrorSummaryItem } from '../../shell/format';
import { FieldErrors } from '../../shell/form-body';
import { PageModel } from '../../shell/view-renderer';
import { planItemView, PlanItemView } from './plan-document.presenter';
import { itemAnchor, planFreezePath, planItemDeletePath, planItemPath, planItemResponsibilitiesPath, planItemsPath, planPath, planTextsPath } from './plan-format';
import { PlanRoundHead } from './plan-draft-page.presenter';
import { PLAN_ITEM_FORM_FIELDS, PlanItemFormValues } from './plan-item-form';
import { buildNeedPicker, NeedPickerModel, NeedSearch } from './plan-item-needs';
import { PlanResponsibilitiesFormValues, rowFieldId } from './plan-responsibilities-form';
import { areaIntroductionId, PlanTextsFormValues } from './plan-texts-form';

/** What a failed form shows again. */
export interface PlanFormFailure<V> {
  values: V;
  errors: FieldErrors;
  general: string[];
}

interface FormPageHead extends PageModel {
  caption: string;
  backHref: string;
  errorSummary: ErrorSummaryItem[];
}

function formHead(round: PlanRoundHead, title: string, errorSummary: ErrorSummaryItem[], backHref = planPath(round.id)): FormPageHead {
  return { title, section: 'rounds', hasErrors: errorSummary.length > 0, caption: `Utvecklingsplan – ${round.title}`, backHref, errorSummary };
}

/** The summary: the general errors first (linking to the form), then each field's in the form's order. */
function summary(failure: PlanFormFailure<unknown> | undefined, fieldOrder: readonly string[], formId: string): ErrorSummaryItem[] {
  if (!failure) return [];
  const ordered = [...fieldOrder, ...Object.keys(failure.errors).filter((f) => !fieldOrder.includes(f))];
  return [
    ...failure.general.map((text) => ({ text, href: `#${formId}` })),
    ...ordered.flatMap((field) => (failure.errors[field] ? [{ text: failure.errors[field]!, href: `#${field}` }] : [])),
  ];
}

/* ---------- Planens texter ---------- */

export interface TextFieldView {
  id: string;
  name: string;
  label: string;
  hint: string;
  value: string;
  error: string | undefined;
  rows: number;
  areaCode?: string;
}

export interface PlanTextsPageModel extends FormPageHead {
  action: string;
  texts: Record<(typeof TEXT_FIELDS)[number]['name'], TextFieldView>;
  areas: TextFieldView[];
}

const TEXT_FIELDS = [
  { name: 'introduction', label: 'Inledning', hint: 'Planens syfte och hur den har tagits fram.' },
  { name: 'contactCentreMandate', label: 'Kontaktcenters uppdrag och mandat', hint: 'Vad kontaktcenter ansvarar för och får besluta om, i förhållande till förvaltningarna.' },
  {
    name: 'departmentResponsibility',
    label: 'Förvaltningarnas ansvar för de egna myndighetsprocesserna',
    hint: 'Vad varje förvaltning själv ansvarar för: handläggning, beslut och sina egna processer.',
  },
] as const;

/** Planens texter: the three plan texts and each area's introduction, as saved or as typed. */
export function buildPlanTextsPage(round: PlanRoundHead, areas: ReadonlyArray<{ code: string; name: string }>, values: PlanTextsFormValues, failure?: PlanFormFailure<PlanTextsFormValues>): PlanTextsPageModel {
  const v = failure?.values ?? values;
  const errors = failure?.errors ?? {};
  const introductions = new Map(v.areas.map((a) => [a.code, a.introduction]));
  const areaFields = areas.map((a) => ({
    id: areaIntroductionId(a.code),
    name: 'areaIntroduction',
    label: `Inledning för ${a.name}`,
    hint: 'Vad området handlar om och varför det behövs insatser.',
    value: introductions.get(a.code) ?? '',
    error: errors[areaIntroductionId(a.code)],
    rows: 4,
    areaCode: a.code,
  }));
  return {
    ...formHead(round, 'Planens texter', summary(failure, [...TEXT_FIELDS.map((f) => f.name), ...areaFields.map((f) => f.id)], 'texter')),
    action: planTextsPath(round.id),
    texts: Object.fromEntries(
      TEXT_FIELDS.map((f) => [f.name, { id: f.name, name: f.name, label: f.label, hint: f.hint, value: v[f.name], error: errors[f.name], rows: 6 }]),
    ) as PlanTextsPageModel['texts'],
    areas: areaFields,
  };
}

/* ---------- En insats ---------- */

export interface PlanItemPageModel extends FormPageHead {
  heading: string;
  action: string;
  submitLabel: string;
  values: PlanItemFormValues;
  errors: FieldErrors;
  areas: Array<{ value: string; text: string; selected: boolean }>;
  statuses: Array<{ id: string; value: string; text: string; checked: boolean }>;
  needs: NeedPickerModel;
  codeHint: string;
  deleteHref: string | null;
  responsibilitiesHref: string | null;
}

/**
 * Ny insats / Ändra insatsen: the form, with the needs it answers ticked and one page of the round's
 * other handed-in needs to tick, grouped by department, searchable (see plan-item-needs.ts).
 */
export function buildPlanItemPage(
  round: PlanRoundHead,
  areas: ReadonlyArray<{ code: string; name: string }>,
  needs: { picker: NeedPicker; search: NeedSearch },
  values: PlanItemFormValues,
  item: Pick<PlanItem, 'id' | 'code'> | null,
  failure?: PlanFormFailure<PlanItemFormValues>,
): PlanItemPageModel {
  const v = failure?.values ?? values;
  const areaNames = new Map(areas.map((a) => [a.code, a.name]));
  const heading = item ? `Ändra insatsen ${item.code}` : 'Ny insats';
  return {
    ...formHead(round, heading, summary(failure, PLAN_ITEM_FORM_FIELDS, 'insatsen'), item ? `${planPath(round.id)}#${itemAnchor(item.code)}` : planPath(round.id)),
    heading,
    action: item ? planItemPath(round.id, item.id) : planItemsPath(round.id),
    submitLabel: item ? 'Spara ändringarna' : 'Lägg till insatsen',
    values: v,
    errors: failure?.errors ?? {},
    areas: [
      ...(v.areaCode === '' ? [{ value: '', text: 'Välj utvecklingsområde', selected: true }] : []),
      ...areas.map((a) => ({ value: a.code, text: a.name, selected: a.code === v.areaCode })),
    ],
    statuses: PLAN_ITEM_STATUSES.map((s, i) => ({ id: i === 0 ? 'status' : `status-${s}`, value: s, text: PLAN_ITEM_STATUS_LABELS[s], checked: v.status === s })),
    needs: buildNeedPicker(needs.picker, needs.search, areaNames),
    codeHint: item
      ? 'Koden följer insatsen mellan versioner och planomgångar. Lämna tomt för att behålla den.'
      : 'Till exempel LS-3. Genereras om tomt: områdets förkortning och nästa lediga nummer.',
    deleteHref: item ? planItemDeletePath(round.id, item.id) : null,
    responsibilitiesHref: item ? planItemResponsibilitiesPath(round.id, item.id) : null,
  };
}

/* ---------- Ta bort insatsen ---------- */

export interface PlanItemDeletePageModel extends FormPageHead {
  item: PlanItemView;
  action: string;
}

export function buildPlanItemDeletePage(round: PlanRoundHead, item: PlanItem, general: string[] = []): PlanItemDeletePageModel {
  const roundId = round.id;
  return {
    ...formHead(round, `Ta bort insatsen ${item.code}`, general.map((text) => ({ text, href: '#ta-bort' })), `${planPath(roundId)}#${itemAnchor(item.code)}`),
    item: planItemView(roundId, item, false),
    action: planItemDeletePath(roundId, item.id),
  };
}

/* ---------- Ansvarsfördelning för en insats ---------- */

export interface ResponsibilityRowView {
  index: number;
  key: string;
  name: string;
  roleId: string;
  expectationsId: string;
  effortId: string;
  roles: Array<{ value: string; text: string; selected: boolean }>;
  expectations: string;
  effortHours: string;
  errors: { role?: string; expectations?: string; effortHours?: string };
}

export interface PlanResponsibilitiesPageModel extends FormPageHead {
  heading: string;
  itemTitle: string;
  action: string;
  rows: ResponsibilityRowView[];
}

/** Fördela ansvar: one row per organisation (the contact centre first), with a role select, expectations and effort. */
export function buildPlanResponsibilitiesPage(
  round: PlanRoundHead,
  item: Pick<PlanItem, 'id' | 'code' | 'title'>,
  values: PlanResponsibilitiesFormValues,
  failure?: PlanFormFailure<PlanResponsibilitiesFormValues>,
): PlanResponsibilitiesPageModel {
  const v = failure?.values ?? values;
  const errors = failure?.errors ?? {};
  const rows = v.rows.map((row, i) => ({
    index: i,
    key: row.key,
    name: row.name,
    roleId: rowFieldId('role', i),
    expectationsId: rowFieldId('expectations', i),
    effortId: rowFieldId('effortHours', i),
    roles: [{ value: '', text: '— ingen roll —', selected: row.role === '' }, ...RESPONSIBILITY_ROLES.map((r) => ({ value: r, text: RESPONSIBILITY_ROLE_LABELS[r], selected: row.role === r }))],
    expectations: row.expectations,
    effortHours: row.effortHours,
    errors: { role: errors[rowFieldId('role', i)], expectations: errors[rowFieldId('expectations', i)], effortHours: errors[rowFieldId('effortHours', i)] },
  }));
  const order = rows.flatMap((r) => [r.roleId, r.expectationsId, r.effortId]);
  return {
    ...formHead(round, `Ansvarsfördelning för ${item.code}`, summary(failure, order, 'ansvar'), `${planPath(round.id)}#${itemAnchor(item.code)}`),
    heading: `Ansvarsfördelning för ${item.code}`,
    itemTitle: item.title,
    action: planItemResponsibilitiesPath(round.id, item.id),
    rows,
  };
}

/* ---------- Lås en version ---------- */

export interface PlanFreezePageModel extends FormPageHead {
  heading: string;
  paragraphs: string[];
  recipients: string[];
  action: string | null;
}

/**
 * The departments whose part of the plan changes with the new version: a responsibility of theirs
 * added, changed or removed, or an item they have a role in changed (in either document).
 */
export function departmentsWhosePartChanged(diff: PlanDiff, before: PlanDocument, after: PlanDocument): string[] {
  const names = new Map<string, string>();
  const changedItems = new Set([...diff.itemsChanged.map((c) => c.id), ...diff.itemsAdded.map((i) => i.id), ...diff.itemsRemoved.map((i) => i.id)]);
  for (const r of diff.responsibilitiesChanged) if (r.organisation.kind === 'department') names.set(organisationKey(r.organisation), r.organisation.name);
  for (const doc of [before, after]) {
    for (const item of doc.areas.flatMap((a) => a.items)) {
      if (!changedItems.has(item.id)) continue;
      for (const r of item.responsibilities) if (r.organisation.kind === 'department') names.set(organisationKey(r.organisation), r.organisation.name);
    }
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b, 'sv'));
}

/**
 * Lås version N+1: what will happen — the version can no longer change, further edits make the
 * next draft — and who gets the responsibility summary by email: for the first version every
 * participating department, for a later one the departments whose part changed.
 */
export function buildPlanFreezePage(
  round: PlanRoundHead,
  next: { version: number; unchanged: boolean; recipients: string[]; itemCount: number },
  general: string[] = [],
): PlanFreezePageModel {
  const heading = next.unchanged ? 'Inget att låsa' : `Vill du låsa version ${next.version} av planen?`;
  const paragraphs = next.unchanged
    ? [`Utkastet är oförändrat sedan version ${next.version - 1}. Gör en ändring först.`]
    : [
        `Utkastet med ${next.itemCount} ${next.itemCount === 1 ? 'insats' : 'insatser'} låses som version ${next.version}. En låst version kan inte ändras; ändringar efteråt görs i ett nytt utkast.`,
        next.recipients.length > 0
          ? next.version === 1
            ? 'Samordnare och förvaltningsledning i de här förvaltningarna får sin ansvarsfördelning med e-post:'
            : 'Samordnare och förvaltningsledning i de förvaltningar vars del ändras får det som ändrats med e-post:'
          : 'Ingen förvaltnings del ändras, så ingen får e-post om ansvarsfördelningen.',
      ];
  return {
    ...formHead(round, heading, general.map((text) => ({ text, href: '#las' }))),
    heading,
    paragraphs,
    recipients: next.unchanged ? [] : next.recipients,
    action: next.unchanged ? null : planFreezePath(round.id),
  };
}
