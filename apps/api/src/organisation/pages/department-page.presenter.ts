import { LocalDate } from '@samverka/kernel';
import { AssignmentStatus, COORDINATOR_KIND_LABELS, CoordinatorAssignmentEntity, DepartmentEntity, PersonEntity } from '@samverka/organisation';
import { AppointFormValues, defaultAppointForm } from './appoint-form';
import { emptyEndForm, EndFormValues } from './end-form';
import { FieldErrors, FormFailure } from '../../shell/form-body';
import { PageModel } from '../../shell/view-renderer';
import { departmentCoverage } from './coverage-status';
import { departmentPath, period, statusTag, swedishDate, swedishDateTime, TagView, ErrorSummaryItem } from '../../shell/format';

/** What the department page shows, loaded by the controller. */
export interface DepartmentPageData {
  department: DepartmentEntity;
  /** Every assignment ever made, newest first. */
  history: CoordinatorAssignmentEntity[];
  people: PersonEntity[];
  today: LocalDate;
  statusOf: (a: CoordinatorAssignmentEntity) => AssignmentStatus;
}

/** What the person looking may do on the page. */
export interface DepartmentPageAccess {
  /** Admins appoint and end assignments. */
  administer: boolean;
  /** The viewer's person: only the appointed person acknowledges their own assignment. */
  personId: string | null;
  /** For admins: the people on the page who have a login (the others get a link to create one). */
  withLogin?: ReadonlySet<string>;
}

export type NoticeKind = 'appointed' | 'acknowledged' | 'ended';

/** Which person the appoint form is for (asked first, by a GET form), and the search among existing people. */
export type PersonChoice = 'existing' | 'new';

/** The query parameters of the person picker: ?person=befintlig&sok=berg#utse. */
export const PICKER_PARAMS = { choice: 'person', search: 'sok' } as const;
export const PICKER_CHOICES: Record<string, PersonChoice> = { befintlig: 'existing', ny: 'new' };
const CHOICE_PARAM: Record<PersonChoice, string> = { existing: 'befintlig', new: 'ny' };

/** The picker's state from the query: a choice only when it is one of the two, a search only for existing people. */
export function readPicker(query: Record<string, unknown>): { choice: PersonChoice | null; search: string } {
  const raw = query[PICKER_PARAMS.choice];
  const choice = typeof raw === 'string' ? (PICKER_CHOICES[raw] ?? null) : null;
  const search = choice === 'existing' && typeof query[PICKER_PARAMS.search] === 'string' ? (query[PICKER_PARAMS.search] as string).trim().slice(0, 200) : '';
  return { choice, search };
}

/** What just happened (after a redirect) or what went wrong (when a form is shown again). */
export interface DepartmentPageState {
  /** The person picker's answer so far (from the query; after a failed post, from what was posted). */
  picker?: { choice: PersonChoice | null; search: string };
  notice?: { kind: NoticeKind; assignmentId: string };
  appoint?: FormFailure<AppointFormValues>;
  end?: FormFailure<EndFormValues> & { assignmentId: string };
  acknowledge?: { assignmentId: string; message: string };
}

/** The query parameter a redirect carries for each notice: /forvaltningar/:id?utsedd=<assignment id>. */
export const NOTICE_PARAMS: Record<NoticeKind, string> = { appointed: 'utsedd', acknowledged: 'bekraftad', ended: 'avslutad' };

interface SummaryRow {
  key: string;
  value?: string;
  tags?: TagView[];
  detail?: string;
}

interface AssignmentCard {
  anchor: string;
  heading: string;
  statusTag: TagView;
  personName: string;
  personTitle: string | null;
  personEmail: string;
  mandate: string;
  responsibilities: string[];
  period: string;
  acknowledged: string | null;
  /** Context for screen readers on repeated buttons: "för Örjan Åström som samordnare". */
  context: string;
  /** Only for the appointed person themself, while unacknowledged. */
  acknowledgeAction: string | null;
  acknowledgeError: string | null;
  /** Only for admins, when the person has no login yet: the users page's form for one, with the e-mail filled in. */
  createLoginHref: string | null;
  /** Only for admins. */
  endAction: string | null;
  end: {
    open: boolean;
    ids: { validTo: string; reason: string };
    values: EndFormValues;
    errors: FieldErrors;
  };
}

interface HistoryRow {
  kind: string;
  personName: string;
  validFrom: string;
  validTo: string;
  statusTag: TagView;
  acknowledged: string;
  endReason: string;
}

interface Option {
  value: string;
  text: string;
  selected: boolean;
}

interface AppointFormView {
  /** Null: the form first asks whether an existing or a new person is appointed (a GET form to the same page). */
  choice: PersonChoice | null;
  existing: boolean;
  /** The department page: where the question and the search are sent (GET). */
  pageAction: string;
  search: string;
  /** How many people the search found, in words (existing people only). */
  searchSummary: string | null;
  /** The other choice: a link to it. */
  switchHref: string;
  switchText: string;
  action: string;
  values: AppointFormValues;
  errors: FieldErrors;
  kinds: Array<{ id: string; value: string; text: string; hint: string; checked: boolean }>;
  existingChecked: boolean;
  newChecked: boolean;
  people: Option[];
  today: LocalDate;
}

export interface DepartmentPageModel extends PageModel {
  department: { name: string; code: string };
  notice: string | null;
  errorSummary: ErrorSummaryItem[];
  summary: SummaryRow[];
  current: AssignmentCard[];
  history: HistoryRow[];
  /** The appoint section is shown (to admins only). */
  canAppoint: boolean;
  /** Null for an inactive department (nobody can be appointed there) or a viewer who may not appoint. */
  appoint: AppointFormView | null;
}

/** Order of the appoint form's fields: the error summary lists errors in the order the fields appear. */
const APPOINT_FIELDS: Array<keyof AppointFormValues> = [
  'kind',
  'personChoice',
  'personId',
  'personName',
  'personEmail',
  'personTitle',
  'mandate',
  'responsibilities',
  'validFrom',
  'validTo',
];

export const APPOINT_SECTION_ID = 'utse';

export function buildDepartmentPage(data: DepartmentPageData, state: DepartmentPageState = {}, access: DepartmentPageAccess = { administer: false, personId: null }): DepartmentPageModel {
  const { department, history, today } = data;
  const current = history
    .filter((a) => data.statusOf(a) !== 'ended')
    .sort((a, b) => (a.kind === b.kind ? a.validFrom.localeCompare(b.validFrom) : a.kind === 'primary' ? -1 : 1));
  const coverage = departmentCoverage(department, current, today);
  const base = departmentPath(department.id);

  // An assignment that has ended has no card of its own: its errors point at the history.
  const anchorFor = (assignmentId: string) => (current.some((a) => a.id === assignmentId) ? `#uppdrag-${assignmentId}` : '#historik');
  const errorSummary: ErrorSummaryItem[] = [];
  if (state.acknowledge) errorSummary.push({ text: state.acknowledge.message, href: anchorFor(state.acknowledge.assignmentId) });
  if (state.end) {
    const anchor = anchorFor(state.end.assignmentId);
    for (const message of state.end.general) errorSummary.push({ text: message, href: anchor });
    for (const field of ['validTo', 'reason'] as const) {
      const message = state.end.errors[field];
      if (message) errorSummary.push({ text: message, href: `#end-${state.end.assignmentId}-${field}` });
    }
  }
  if (state.appoint) {
    for (const message of state.appoint.general) errorSummary.push({ text: message, href: `#${APPOINT_SECTION_ID}` });
    for (const field of APPOINT_FIELDS) {
      const message = state.appoint.errors[field];
      if (message) errorSummary.push({ text: message, href: `#${field}` });
    }
  }

  const cards = current.map((a): AssignmentCard => {
    const name = a.person?.name ?? 'Okänd person';
    const endFailure = state.end?.assignmentId === a.id ? state.end : undefined;
    return {
      anchor: `uppdrag-${a.id}`,
      heading: `${COORDINATOR_KIND_LABELS[a.kind]}: ${name}`,
      statusTag: statusTag(data.statusOf(a)),
      personName: name,
      personTitle: a.person?.title ?? null,
      personEmail: a.person?.email ?? '',
      mandate: a.mandate,
      responsibilities: a.responsibilities,
      period: period(a),
      acknowledged: a.acknowledgedAt ? swedishDateTime(a.acknowledgedAt) : null,
      context: `för ${name} som ${COORDINATOR_KIND_LABELS[a.kind].toLowerCase()}`,
      acknowledgeAction: !a.acknowledgedAt && access.personId !== null && a.personId === access.personId ? `${base}/uppdrag/${a.id}/bekrafta` : null,
      acknowledgeError: state.acknowledge?.assignmentId === a.id ? state.acknowledge.message : null,
      createLoginHref:
        access.administer && access.withLogin && !access.withLogin.has(a.personId) ? `/admin/anvandare/ny?epost=${encodeURIComponent(a.person?.email ?? '')}` : null,
      endAction: access.administer ? `${base}/uppdrag/${a.id}/avsluta` : null,
      end: {
        open: endFailure !== undefined,
        ids: { validTo: `end-${a.id}-validTo`, reason: `end-${a.id}-reason` },
        values: endFailure?.values ?? emptyEndForm(),
        errors: endFailure?.errors ?? {},
      },
    };
  });

  return {
    title: department.name,
    section: 'departments',
    hasErrors: errorSummary.length > 0,
    department: { name: department.name, code: department.code },
    notice: noticeText(state.notice, history, department),
    errorSummary,
    summary: [
      { key: 'Kod', value: department.code },
      { key: 'Nämnd', value: department.committee?.name ?? '' },
      { key: 'Status', value: department.active ? 'Aktiv' : 'Inaktiverad' },
      { key: 'Samordnare', tags: coverage.tags, detail: coverage.explanation },
    ],
    current: cards,
    history: history.map((a) => ({
      kind: COORDINATOR_KIND_LABELS[a.kind],
      personName: a.person?.name ?? 'Okänd person',
      validFrom: swedishDate(a.validFrom),
      validTo: a.validTo ? swedishDate(a.validTo) : 'Tills vidare',
      statusTag: statusTag(data.statusOf(a)),
      acknowledged: a.acknowledgedAt ? 'Ja' : 'Nej',
      endReason: a.endReason ?? '',
    })),
    canAppoint: access.administer,
    appoint:
      access.administer && department.active
        ? appointForm(base, state.appoint?.values ?? defaultAppointForm(today), state.appoint?.errors ?? {}, coverage.primary, data.people, today, pickerOf(state))
        : null,
  };
}

/** The picker's choice: what was posted, when a post failed; otherwise the query's. */
function pickerOf(state: DepartmentPageState): { choice: PersonChoice | null; search: string } {
  const posted = state.appoint?.values.personChoice;
  if (posted === 'existing' || posted === 'new') return { choice: posted, search: state.picker?.search ?? '' };
  return state.picker ?? { choice: null, search: '' };
}

function appointForm(
  base: string,
  values: AppointFormValues,
  errors: FieldErrors,
  currentPrimary: CoordinatorAssignmentEntity | null,
  people: PersonEntity[],
  today: LocalDate,
  picker: { choice: PersonChoice | null; search: string },
): AppointFormView {
  const other: PersonChoice = picker.choice === 'new' ? 'existing' : 'new';
  const count = people.length;
  return {
    choice: picker.choice,
    existing: picker.choice === 'existing',
    pageAction: base,
    search: picker.search,
    searchSummary:
      picker.choice !== 'existing'
        ? null
        : picker.search
          ? count === 0
            ? `Ingen person har ”${picker.search}” i namnet eller e-postadressen. Sök på något annat, eller lägg till en ny person.`
            : `${count === 1 ? '1 person' : `${count} personer`} har ”${picker.search}” i namnet eller e-postadressen.`
          : `Alla ${count} personer i Samverka visas. Sök för att visa färre.`,
    switchHref: `${base}?${PICKER_PARAMS.choice}=${CHOICE_PARAM[other]}#${APPOINT_SECTION_ID}`,
    switchText: other === 'new' ? 'Utse en ny person i stället' : 'Utse en person som redan finns i Samverka i stället',
    action: `${base}/samordnare`,
    values: { ...values, personChoice: picker.choice ?? '' },
    errors,
    kinds: [
      {
        id: 'kind',
        value: 'primary',
        text: COORDINATOR_KIND_LABELS.primary,
        hint: currentPrimary
          ? `Ersätter ${currentPrimary.person?.name ?? 'nuvarande samordnare'}, vars uppdrag då slutar dagen före startdatumet.`
          : 'Förvaltningens samordnare för medborgarservice.',
        checked: values.kind === 'primary',
      },
      { id: 'kind-deputy', value: 'deputy', text: COORDINATOR_KIND_LABELS.deputy, hint: 'Ersätter samordnaren vid behov. En förvaltning kan ha flera ersättare.', checked: values.kind === 'deputy' },
    ],
    existingChecked: values.personChoice === 'existing',
    newChecked: values.personChoice === 'new',
    people: [
      { value: '', text: 'Välj person', selected: values.personId === '' },
      ...people.map((p) => ({ value: p.id, text: `${p.name} (${p.email})`, selected: p.id === values.personId })),
    ],
    today,
  };
}

function noticeText(notice: DepartmentPageState['notice'], history: CoordinatorAssignmentEntity[], department: DepartmentEntity): string | null {
  if (!notice) return null;
  const a = history.find((h) => h.id === notice.assignmentId);
  if (!a) return null;
  const name = a.person?.name ?? 'Personen';
  const role = COORDINATOR_KIND_LABELS[a.kind].toLowerCase();
  switch (notice.kind) {
    case 'appointed':
      return `${name} är utsedd till ${role} för ${department.name} från ${swedishDate(a.validFrom)}.`;
    case 'acknowledged':
      return `${name} har bekräftat uppdraget som ${role}.`;
    case 'ended':
      return a.validTo ? `Uppdraget för ${name} som ${role} har sista dag ${swedishDate(a.validTo)}.` : `Uppdraget för ${name} är avslutat.`;
  }
}
