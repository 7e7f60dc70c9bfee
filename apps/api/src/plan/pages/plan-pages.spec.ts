import { diffPlans, PlanDocument, PlanItem } from '@samverka/plan';
import { effortText, itemPeriod, planDiffPath } from './plan-format';
import { planDocumentView } from './plan-document.presenter';
import { buildPlanDraftPage, PlanDraftPageData, readPlanNotice } from './plan-draft-page.presenter';
import { buildPlanDiffPage, buildPlanVersionPage, buildPlanVersionsPage } from './plan-versions.presenter';
import { buildPlanFreezePage, buildPlanItemPage, buildPlanResponsibilitiesPage, departmentsWhosePartChanged } from './plan-forms.presenter';
import { emptyPlanItemForm, NOT_HANDED_IN_MESSAGE, PLAN_ITEM_FORM_ERRORS, readPlanItemForm, validatePlanItemForm } from './plan-item-form';
import { NO_NEED_SEARCH } from './plan-item-needs';
import { formErrorsFrom } from '../../shell/form-action';
import { CommonError } from '@samverka/kernel';
import {
  CONTACT_CENTRE_KEY,
  planResponsibilitiesFormErrors,
  planResponsibilitiesFormValues,
  readPlanResponsibilitiesForm,
  responsibilityOrganisations,
  validatePlanResponsibilitiesForm,
} from './plan-responsibilities-form';
import { planTextsFormErrors, readPlanTextsForm, toUpdatePlanTexts } from './plan-texts-form';


/** A small plan for the presenters' specs: two areas, an item in one, with the contact centre and a department. */
export const PRESCHOOL_ID = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';

export function testItem(over: Partial<PlanItem> = {}): PlanItem {
  return {
    id: 'item-1',
    code: 'LS-1',
    areaCode: 'LOKAL_SERVICE',
    title: 'Vägledning på biblioteken',
    description: 'Bibliotekens personal vägleder i kommunala ärenden.\n\nFörst på tre bibliotek.',
    expectedEffect: 'Färre ärenden skickas vidare',
    indicator: null,
    startsOn: '2027 T1',
    endsOn: '2027-12-31',
    status: 'planned',
    carriedOverFrom: null,
    needs: [{ id: 'need-1', title: 'Vägledning om förskoleplats', departmentId: PRESCHOOL_ID, departmentName: 'Förskoleförvaltningen', areaCode: 'LOKAL_SERVICE' }],
    responsibilities: [
      { organisation: { kind: 'department', departmentId: PRESCHOOL_ID, name: 'Förskoleförvaltningen' }, role: 'consulted', expectations: 'Svara på frågor om regler', effortHours: 40 },
      { organisation: { kind: 'contactCentre', name: 'Kontaktcenter' }, role: 'accountable', expectations: 'Leda arbetet', effortHours: 1700 },
    ],
    ...over,
  };
}

export function testDocument(over: Partial<PlanDocument> = {}, items: PlanItem[] = [testItem()]): PlanDocument {
  return {
    roundId: 'round-1',
    version: null,
    frozenAt: null,
    frozenBy: null,
    texts: { introduction: 'Planen bygger på behoven.', contactCentreMandate: '', departmentResponsibility: 'Förvaltningarna handlägger sina ärenden.' },
    areas: [
      { code: 'LOKAL_SERVICE', name: 'Lokal service', introduction: 'Service nära invånarna.', items },
      { code: 'DIGITALISERING', name: 'Digitalisering och servicekommunikation', introduction: '', items: [] },
    ],
    deferrals: [],
    ...over,
  };
}

const ROUND = { id: 'round-1', title: 'Utvecklingsplan 2027', caseNumber: 'KS-2026-0042', drafting: true };
const AREAS = [
  { code: 'LOKAL_SERVICE', name: 'Lokal service' },
  { code: 'DIGITALISERING', name: 'Digitalisering och servicekommunikation' },
];

const draftData = (over: Partial<PlanDraftPageData['draft']> = {}, reasons: string[] | null = ['Insatsen LS-1 saknar ansvarig (A)']): PlanDraftPageData => ({
  round: ROUND,
  draft: { started: true, document: testDocument(), latestVersion: null, draftChanged: true, previousPlanAvailable: false, ...over },
  consultationReasons: reasons,
});

describe('the plan pages: formats', () => {
  it('shows effort in hours per year and full-time equivalents, and the period as typed', () => {
    expect(effortText(340)).toBe('340 h/år (0,20 åa)');
    expect(effortText(1700)).toBe('1\u00a0700 h/år (1,00 åa)');
    expect(effortText(37.5)).toBe('37,5 h/år (0,02 åa)');
    expect(effortText(null)).toBeNull();
    expect(itemPeriod('2027 T1', '2027-12-31')).toBe('2027 T1 – 2027-12-31');
    expect(itemPeriod(null, '2027')).toBe('Till 2027');
    expect(itemPeriod(null, null)).toBeNull();
  });
});

describe('the plan document (draft and versions)', () => {
  it('shows the texts, per area its introduction and items with needs and responsibilities (the contact centre first), with links only while editable', () => {
    const view = planDocumentView(testDocument(), true);
    expect(view.texts.map((t) => [t.heading, t.paragraphs])).toEqual([
      ['Inledning', ['Planen bygger på behoven.']],
      ['Kontaktcenters uppdrag och mandat', []],
      ['Förvaltningarnas ansvar för de egna myndighetsprocesserna', ['Förvaltningarna handlägger sina ärenden.']],
    ]);
    expect(view.areas.map((a) => [a.name, a.items.length, a.newItemHref])).toEqual([
      ['Lokal service', 1, '/planomgangar/round-1/plan/insatser/ny?omrade=LOKAL_SERVICE'],
      ['Digitalisering och servicekommunikation', 0, '/planomgangar/round-1/plan/insatser/ny?omrade=DIGITALISERING'],
    ]);
    const item = view.areas[0].items[0];
    expect(item).toMatchObject({ code: 'LS-1', anchor: 'insats-LS-1', status: { text: 'Planerad' }, period: '2027 T1 – 2027-12-31', missingAccountable: null });
    expect(item.description).toEqual(['Bibliotekens personal vägleder i kommunala ärenden.', 'Först på tre bibliotek.']);
    expect(item.needs).toEqual([{ text: 'Vägledning om förskoleplats (Förskoleförvaltningen)' }]);
    expect(item.responsibilities.map((r) => [r.organisation, r.role, r.effort])).toEqual([
      ['Kontaktcenter', 'Ansvarig (A)', '1\u00a0700 h/år (1,00 åa)'],
      ['Förskoleförvaltningen', 'Rådfrågas (C)', '40 h/år (0,02 åa)'],
    ]);
    expect(item.totalEffort).toBe('1\u00a0740 h/år (1,02 åa)');
    expect(item.actions).toEqual({
      editHref: '/planomgangar/round-1/plan/insatser/item-1',
      responsibilitiesHref: '/planomgangar/round-1/plan/insatser/item-1/ansvar',
      deleteHref: '/planomgangar/round-1/plan/insatser/item-1/ta-bort',
    });
    const frozen = planDocumentView(testDocument(), false);
    expect(frozen.areas[0].items[0].actions).toBeNull();
    expect(frozen.areas[0].newItemHref).toBeNull();
  });

  it('marks an item without an accountable (A)', () => {
    const item = testItem({ responsibilities: [] });
    expect(planDocumentView(testDocument({}, [item]), true).areas[0].items[0]).toMatchObject({ missingAccountable: { text: 'Saknar ansvarig (A)' }, totalEffort: null });
  });
});

describe('the plan page', () => {
  it('shows the state, what blocks consultation, and the ways to edit and freeze', () => {
    const page = buildPlanDraftPage(draftData());
    expect(page.stateLines).toEqual(['Utkast. Ingen version är låst ännu.']);
    expect(page.consultation).toEqual({ reasons: ['Insatsen LS-1 saknar ansvarig (A)'], ready: false });
    expect(page.freezeHref).toBe('/planomgangar/round-1/plan/las');
    expect(page.needsHref).toBe('/planomgangar/round-1/plan/behov');
    expect(page.needsText).toBe('Behov som saknar svar i planen');
    expect(buildPlanDraftPage({ ...draftData(), unansweredNeeds: 3 }).needsText).toBe('3 behov saknar svar');
    expect(buildPlanDraftPage({ ...draftData(), unansweredNeeds: 0 }).needsText).toBe('Alla behov har svar i planen');
    expect(page.versionsHref).toBeNull();
    expect(page.start).toBeNull();
  });

  it('names the latest version and the changes since; nothing to freeze when unchanged', () => {
    const changed = buildPlanDraftPage(draftData({ latestVersion: 2, draftChanged: true }));
    expect(changed.stateLines).toEqual(['Version 2 är den senast låsta versionen.', 'Utkastet har ändringar som inte är låsta (sedan version 2).']);
    expect(changed.versionsHref).toBe('/planomgangar/round-1/plan/versioner');
    const unchanged = buildPlanDraftPage(draftData({ latestVersion: 2, draftChanged: false }, []));
    expect(unchanged.stateLines[1]).toBe('Utkastet är oförändrat sedan version 2.');
    expect(unchanged.freezeHref).toBeNull();
    expect(unchanged.consultation).toEqual({ reasons: [], ready: true });
  });

  it('offers to start a plan, from the previous round only when it has an adopted plan', () => {
    const fresh = buildPlanDraftPage(draftData({ started: false, latestVersion: null, draftChanged: false }));
    expect(fresh.plan).toBeNull();
    expect(fresh.start?.options.map((o) => o.value)).toEqual(['empty']);
    expect(buildPlanDraftPage(draftData({ started: false, previousPlanAvailable: true })).start?.options.map((o) => o.value)).toEqual(['empty', 'previousRound']);
    expect(fresh.consultation).toBeNull();
  });

  it('is read only once the round has moved on', () => {
    const page = buildPlanDraftPage({ ...draftData({ latestVersion: 1, draftChanged: false }), round: { ...ROUND, drafting: false } });
    expect(page.readOnlyReason).toMatch(/kan ändras bara medan/);
    expect([page.textsHref, page.newItemHref, page.freezeHref, page.plan?.areas[0].items[0].actions]).toEqual([null, null, null, null]);
  });

  it('shows admins the draft without its forms', () => {
    const page = buildPlanDraftPage({ ...draftData(), round: { ...ROUND, mayEdit: false } });
    expect(page.readOnlyReason).toBe('Bara strategerna på kontaktcenter ändrar planen.');
    expect([page.textsHref, page.newItemHref, page.freezeHref, page.plan?.areas[0].items[0].actions, page.plan?.areas[0].newItemHref]).toEqual([null, null, null, null, null]);
    expect(buildPlanDraftPage({ ...draftData({ started: false }), round: { ...ROUND, mayEdit: false } }).start).toBeNull();
  });

  it('reads the notice of a redirect, ignoring unknown ones', () => {
    expect(readPlanNotice({ klart: 'ansvar' })).toBe('responsibilities');
    expect(readPlanNotice({ klart: 'x' })).toBeUndefined();
    expect(buildPlanDraftPage(draftData(), { notice: 'texts' }).notice).toBe('Texterna är sparade.');
  });
});

describe('the versions, a version and the diff', () => {
  const v1: PlanDocument = testDocument({ version: 1, frozenAt: '2026-11-30T06:15:00.000Z', frozenBy: 'Annika Åsberg' });
  const v2: PlanDocument = testDocument({ version: 2, frozenAt: '2026-12-01T09:00:00.000Z', frozenBy: 'Annika Åsberg' }, [
    testItem({
      title: 'Vägledning på alla bibliotek',
      status: 'ongoing',
      responsibilities: [
        testItem().responsibilities[1],
        { organisation: { kind: 'department', departmentId: PRESCHOOL_ID, name: 'Förskoleförvaltningen' }, role: 'responsible', expectations: 'Utbilda personalen', effortHours: 120 },
      ],
    }),
  ]);

  it('lists the versions newest first, each linked to its changes', () => {
    const page = buildPlanVersionsPage(ROUND, [
      { version: 1, frozenAt: v1.frozenAt!, frozenBy: 'Annika Åsberg', itemCount: 1 },
      { version: 2, frozenAt: v2.frozenAt!, frozenBy: null, itemCount: 1 },
    ], true);
    expect(page.rows.map((r) => [r.text, r.compareHref])).toEqual([
      ['Version 2', planDiffPath('round-1', 1, 2)],
      ['Version 1', null],
    ]);
    expect(page.compare?.from.find((o) => o.selected)?.value).toBe('1');
    expect(page.compare?.to.find((o) => o.selected)?.value).toBe('2');
    expect(buildPlanVersionsPage(ROUND, [], false)).toMatchObject({ compare: null, backHref: '/planomgangar/round-1', backText: 'Tillbaka till planomgången' });
  });

  it('shows a version read only, pointing to the latest', () => {
    const page = buildPlanVersionPage(ROUND, v1, 2, true);
    expect(page.heading).toBe('Utvecklingsplan, version 1');
    expect(page.latestHref).toBe('/planomgangar/round-1/plan/versioner/2');
    expect(page.plan.areas[0].items[0].actions).toBeNull();
  });

  it('shows what changed field by field, texts word by word, and each organisation whose part changed', () => {
    const page = buildPlanDiffPage({ ...ROUND, areas: AREAS }, 1, 2, diffPlans(v1, v2), [1, 2], true);
    expect(page.empty).toBe(false);
    expect(page.added).toEqual([]);
    expect(page.changed).toHaveLength(1);
    const [title, status] = page.changed[0].fields;
    expect(title.label).toBe('Rubrik');
    expect(title.words?.filter((w) => w.added).map((w) => w.text.trim())).toEqual(['alla bibliotek']);
    expect(title.words?.filter((w) => w.removed).map((w) => w.text.trim())).toEqual(['biblioteken']);
    expect(status).toMatchObject({ label: 'Status', words: null, before: 'Planerad', after: 'Pågående' });
    expect(page.responsibilities).toEqual([
      {
        item: 'LS-1 Vägledning på alla bibliotek',
        organisations: [{ organisation: 'Förskoleförvaltningen', before: 'Rådfrågas (C) – Svara på frågor om regler – 40 h/år (0,02 åa)', after: 'Utför (R) – Utbilda personalen – 120 h/år (0,07 åa)' }],
      },
    ]);
    expect(buildPlanDiffPage({ ...ROUND, areas: AREAS }, 1, 1, diffPlans(v1, v1), [1, 2], true).empty).toBe(true);
  });

  it("traces a changed item to the consultation's proposals that link it", () => {
    const proposals = new Map([['LS-1', ['Kulturnämnden: Fler bibliotek (tillgodoses)']]]);
    const page = buildPlanDiffPage({ ...ROUND, areas: AREAS }, 1, 2, diffPlans(v1, v2), [1, 2], true, proposals);
    expect(page.changed[0].proposals).toEqual(['Kulturnämnden: Fler bibliotek (tillgodoses)']);
    expect(buildPlanDiffPage({ ...ROUND, areas: AREAS }, 1, 2, diffPlans(v1, v2), [1, 2], true).changed[0].proposals).toEqual([]);
  });

  it('says who is emailed when freezing: every department with a part for the first version, those whose part changed later', () => {
    expect(departmentsWhosePartChanged(diffPlans(v1, v2), v1, v2)).toEqual(['Förskoleförvaltningen']);
    expect(departmentsWhosePartChanged(diffPlans(v1, v1), v1, v1)).toEqual([]);
    const page = buildPlanFreezePage(ROUND, { version: 3, unchanged: false, recipients: ['Förskoleförvaltningen'], itemCount: 1 });
    expect(page.heading).toBe('Vill du låsa version 3 av planen?');
    expect(page.paragraphs[0]).toMatch(/^Utkastet med 1 insats låses som version 3\./);
    expect(page.action).toBe('/planomgangar/round-1/plan/las');
    expect(buildPlanFreezePage(ROUND, { version: 3, unchanged: true, recipients: [], itemCount: 1 })).toMatchObject({ heading: 'Inget att låsa', action: null });
  });
});

describe('the texts form', () => {
  it("reads the three texts and the round's areas' introductions (once each, no others), and maps violations to their fields", () => {
    const values = readPlanTextsForm(
      { introduction: ' Inledning\r\nrad två ', contactCentreMandate: 'M', departmentResponsibility: '', 'areaCode[]': ['DIGITALISERING', 'OKÄND', 'DIGITALISERING'], 'areaIntroduction[]': ['Digitalt', 'x', 'y'] },
      ['LOKAL_SERVICE', 'DIGITALISERING'],
    );
    expect(values).toEqual({ introduction: 'Inledning\nrad två', contactCentreMandate: 'M', departmentResponsibility: '', areas: [{ code: 'DIGITALISERING', introduction: 'Digitalt' }] });
    expect(toUpdatePlanTexts(values).areaIntroductions).toEqual([{ areaCode: 'DIGITALISERING', introduction: 'Digitalt' }]);
    const errors = planTextsFormErrors(values);
    expect(errors.fieldIdFor('areaIntroductions[0].introduction')).toBe('areaIntroduction-DIGITALISERING');
    expect(errors.fieldIdFor('contactCentreMandate')).toBe('contactCentreMandate');
    expect(errors.fieldIdFor('areaIntroductions[5].introduction')).toBeUndefined();
  });
});

describe('the item form', () => {
  const NEED_1 = '00000000-0000-4000-8000-000000000001';

  it('reads the fields, asks for a generated code when empty, and takes needs only as ids (the plan checks they are handed in)', () => {
    const values = readPlanItemForm({ areaCode: 'LOKAL_SERVICE', code: ' ls-4 ', title: 'T', description: 'a\r\nb', startsOn: '2027 t1', status: 'ongoing', needIds: [NEED_1, NEED_1, ''] });
    expect(values).toMatchObject({ code: 'LS-4', description: 'a\nb', startsOn: '2027 T1', needIds: [NEED_1] });
    expect(validatePlanItemForm(values).input).toMatchObject({ code: 'LS-4', status: 'ongoing', needIds: [NEED_1], endsOn: null, expectedEffect: null });
    expect(validatePlanItemForm({ ...values, code: '' }).input).not.toHaveProperty('code');
    const bad = validatePlanItemForm({ ...values, status: 'x', needIds: ['other'] });
    expect(bad.input).toBeUndefined();
    expect(bad.errors).toEqual({ status: 'Välj status för insatsen', needIds: 'Välj bland planomgångens inlämnade behov' });
  });

  it("maps the service's violations to the fields, needIds[1] at the needs", () => {
    expect(PLAN_ITEM_FORM_ERRORS.fieldIdFor('needIds[1]')).toBe('needIds');
    expect(PLAN_ITEM_FORM_ERRORS.fieldIdFor('startsOn')).toBe('startsOn');
    expect(PLAN_ITEM_FORM_ERRORS.fieldIdFor('roundId')).toBeUndefined();
  });

  it('asks to untick the needs no longer handed in rather than naming their ids, and keeps the other violations', () => {
    const refusal = CommonError.invalid([
      { field: 'needIds', rule: 'handedInNeed', message: `Behoven måste vara inlämnade behov i planomgången: ${NEED_1}` },
      { field: 'title', rule: 'isNotEmpty', message: 'Ange en rubrik' },
    ]);
    expect(formErrorsFrom(refusal, PLAN_ITEM_FORM_ERRORS)).toEqual({ errors: { needIds: NOT_HANDED_IN_MESSAGE, title: 'Ange en rubrik' }, general: [] });
    expect(formErrorsFrom(CommonError.invalid([{ field: 'title', rule: 'isNotEmpty', message: 'Ange en rubrik' }]), PLAN_ITEM_FORM_ERRORS)).toEqual({ errors: { title: 'Ange en rubrik' }, general: [] });
  });

  it('shows the chosen needs ticked and the page of others unticked, by department, and keeps what was typed', () => {
    const need = (id: string, title: string, departmentId: string, departmentName: string, areaCode: string, answeredBy: string[] = []) => ({ id, title, departmentId, departmentName, areaCode, answeredBy, handedIn: true });
    const page = buildPlanItemPage(
      ROUND,
      AREAS,
      {
        picker: {
          selected: [need('need-2', 'Chatt', 'k', 'Kulturförvaltningen', 'DIGITALISERING')],
          page: [need('need-1', 'Vägledning', PRESCHOOL_ID, 'Förskoleförvaltningen', 'LOKAL_SERVICE', ['LS-1'])],
          matching: 1,
          unselected: 1,
          departments: [],
        },
        search: NO_NEED_SEARCH,
      },
      emptyPlanItemForm('DIGITALISERING'),
      null,
      { values: { ...emptyPlanItemForm('DIGITALISERING'), needIds: ['need-2'] }, errors: { title: 'Ange en rubrik' }, general: [] },
    );
    const groups = (list: typeof page.needs.selectedGroups) => list.map((g) => [g.legend, g.needs.map((n) => [n.id, n.checked, n.hint])]);
    expect(groups(page.needs.selectedGroups)).toEqual([['Kulturförvaltningen', [['needIds', true, 'Digitalisering och servicekommunikation']]]]);
    expect(groups(page.needs.candidateGroups)).toEqual([['Förskoleförvaltningen', [['need-need-1', false, 'Lokal service · besvaras redan av LS-1']]]]);
    expect(page.needs.search.show).toBe(false);
    expect(page.areas.find((a) => a.selected)?.value).toBe('DIGITALISERING');
    expect(page.errorSummary).toEqual([{ text: 'Ange en rubrik', href: '#title' }]);
    expect(page.title).toBe('Ny insats');
    expect(page.action).toBe('/planomgangar/round-1/plan/insatser');
  });
});

describe('the responsibilities form', () => {
  const orgs = responsibilityOrganisations([
    { departmentId: 'kultur', name: 'Kulturförvaltningen' },
    { departmentId: PRESCHOOL_ID, name: 'Förskoleförvaltningen' },
  ]);

  it('has one row per organisation, the contact centre first, filled from the item', () => {
    expect(orgs.map((o) => o.name)).toEqual(['Kontaktcenter', 'Förskoleförvaltningen', 'Kulturförvaltningen']);
    const values = planResponsibilitiesFormValues(testItem(), orgs);
    expect(values.rows.map((r) => [r.name, r.role, r.effortHours])).toEqual([
      ['Kontaktcenter', 'accountable', '1700'],
      ['Förskoleförvaltningen', 'consulted', '40'],
      ['Kulturförvaltningen', '', ''],
    ]);
  });

  it('sends the whole list, leaving out rows without a role, and maps the service’s violations back to the rows', () => {
    const body = {
      'organisation[]': [CONTACT_CENTRE_KEY, PRESCHOOL_ID, 'kultur', 'okänd'],
      'role[]': ['accountable', '', 'informed', 'responsible'],
      'expectations[]': ['Leda\r\narbetet', '', 'Få veta', 'x'],
      'effortHours[]': ['1 700', '', '2,5', '9'],
    };
    const checked = validatePlanResponsibilitiesForm(readPlanResponsibilitiesForm(body, orgs));
    expect(checked.input?.responsibilities).toEqual([
      { contactCentre: true, role: 'accountable', expectations: 'Leda\narbetet', effortHours: 1700 },
      { departmentId: 'kultur', role: 'informed', expectations: 'Få veta', effortHours: 2.5 },
    ]);
    expect(checked.rowOfEntry).toEqual([0, 2]);
    const errors = planResponsibilitiesFormErrors(checked.rowOfEntry);
    expect(errors.fieldIdFor('responsibilities[1].expectations')).toBe('expectations-2');
    expect(errors.fieldIdFor('responsibilities[1].departmentId')).toBe('role-2');
    expect(errors.fieldIdFor('responsibilities')).toBeUndefined();
  });

  it('refuses effort that is no number and text without a role, at their fields', () => {
    const checked = validatePlanResponsibilitiesForm(
      readPlanResponsibilitiesForm({ 'organisation[]': [CONTACT_CENTRE_KEY, PRESCHOOL_ID], 'role[]': ['accountable', ''], 'expectations[]': ['', 'Något'], 'effortHours[]': ['många', ''] }, orgs),
    );
    expect(checked.input).toBeUndefined();
    expect(checked.errors).toEqual({
      'effortHours-0': 'Ange tid för Kontaktcenter i timmar per år som ett tal, till exempel 120',
      'role-1': 'Välj en roll för Förskoleförvaltningen, eller töm förväntningar och tid',
    });
    const page = buildPlanResponsibilitiesPage(ROUND, testItem(), planResponsibilitiesFormValues(testItem(), orgs), { values: readPlanResponsibilitiesForm({}, orgs), errors: checked.errors, general: ['Insatsen LS-1 kan bara ha en ansvarig (A)'] });
    expect(page.errorSummary.map((e) => e.href)).toEqual(['#ansvar', '#effortHours-0', '#role-1']);
    expect(page.rows[1].errors.role).toMatch(/Välj en roll/);
    expect(page.rows[0].roles.map((r) => r.text)).toEqual(['— ingen roll —', 'Utför (R)', 'Ansvarig (A)', 'Rådfrågas (C)', 'Informeras (I)']);
  });
});

