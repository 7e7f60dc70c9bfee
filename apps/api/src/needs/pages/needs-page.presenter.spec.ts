import { Principal } from '@samverka/identity';
import { NeedEntity, NeedsSubmissionEntity, SubmissionRow, SubmissionStatus } from '@samverka/needs';
import { RoundBasics } from '@samverka/rounds';
import { emptyNeedForm } from './need-form';
import { ViewRenderer } from '../../shell/view-renderer';
import { Viewer, ViewerService } from '../../shell/viewer';
import { WebAssets } from '../../shell/web-assets';
import { buildNeedsPage, buildStepConfirmPage, NeedsPageData, needsNoticeText, readNeedsNotice } from './needs-page.presenter';
import { ReferenceData } from './needs-format';

const ROUND_ID = '0b6d7f0e-3c1a-4f5e-9a2b-1c2d3e4f5a6b';
const FSK = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';
const NEED_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const BASE = `/planomgangar/${ROUND_ID}/behov/${FSK}`;

const round = (values: Partial<RoundBasics> = {}): RoundBasics => ({
  id: ROUND_ID,
  title: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
  year: 2027,
  state: 'collectingNeeds',
  needsDeadline: '2026-12-20',
  areas: [
    { code: 'LOKAL_SERVICE', name: 'Lokal service' },
    { code: 'TILLGANGLIGHET', name: 'Tillgänglighet och serviceinriktat bemötande' },
  ],
  participants: [{ departmentId: FSK, name: 'Förskoleförvaltningen', committeeId: 'c1' }],
  ...values,
});

const need = (values: Partial<NeedEntity> = {}): NeedEntity =>
  ({
    id: NEED_ID,
    roundId: ROUND_ID,
    departmentId: FSK,
    areaCode: 'LOKAL_SERVICE',
    title: 'Vägledning på biblioteken',
    description: 'Invånare tar med kommunala ärenden till biblioteken.\nSärskilt om förskoleplats.',
    channels: ['library', 'fax'],
    districts: [],
    targetGroups: ['newcomers'],
    evidence: { kind: 'statistics', source: 'Besöksstatistik 2025', date: '2026-01-15' },
    monthlyVolume: 1200,
    priority: 'high',
    consequence: null,
    createdById: null,
    createdAt: new Date('2026-11-20T09:00:00Z'),
    updatedAt: new Date('2026-11-20T09:00:00Z'),
    ...values,
  }) as NeedEntity;

const submission = (status: SubmissionStatus, values: Partial<NeedsSubmissionEntity> = {}): SubmissionRow => ({
  departmentId: FSK,
  departmentName: 'Förskoleförvaltningen',
  committeeId: 'c1',
  status,
  needCount: 1,
  submission:
    status === 'draft'
      ? null
      : ({
          roundId: ROUND_ID,
          departmentId: FSK,
          status,
          nothingToReportReason: null,
          submittedAt: new Date('2026-11-21T09:30:00Z'),
          submittedById: 'p1',
          late: false,
          endorsedAt: null,
          endorsedById: null,
          returnedAt: null,
          returnComment: null,
          version: 2,
          ...values,
        } as NeedsSubmissionEntity),
});

const reference: ReferenceData = {
  channels: [
    { code: 'library', name: 'Bibliotek', active: true },
    { code: 'web', name: 'Webb och e-tjänster', active: true },
    { code: 'fax', name: 'Fax', active: false },
  ],
  districts: [{ code: 'norr', name: 'Norr', active: true }],
  targetGroups: [{ code: 'newcomers', name: 'Nyanlända', active: true }],
};

const data = (values: Partial<NeedsPageData> = {}): NeedsPageData => ({
  round: round(),
  departmentId: FSK,
  submission: submission('draft'),
  needs: [need()],
  reference,
  today: '2026-11-22',
  ...values,
});

const COORDINATOR = { coordinator: true, management: false };
const MANAGEMENT = { coordinator: false, management: true };
const READER = { coordinator: false, management: false };

describe('the needs page', () => {
  it("shows the department's needs as cards, tagged by name (retired items too), with the status and the deadline", () => {
    const model = buildNeedsPage(data(), {}, READER);
    expect(model).toMatchObject({
      title: 'Förskoleförvaltningens behov – Utvecklingsplan för kontaktcenter 2027 och framåt',
      section: 'rounds',
      heading: 'Förskoleförvaltningens behov',
      backHref: `/planomgangar/${ROUND_ID}`,
      hasErrors: false,
      closed: null,
      add: null,
      coordinator: null,
      management: null,
    });
    expect(model.summary).toEqual([
      { key: 'Status', tags: [{ text: 'Utkast', classes: 'govuk-tag--grey' }] },
      { key: 'Sista dag för behov', value: '20 december 2026', tags: undefined },
      { key: 'Antal behov', value: '1' },
    ]);
    expect(model.needs).toEqual([
      {
        anchor: `behov-${NEED_ID}`,
        headingId: `behov-${NEED_ID}-rubrik`,
        title: 'Vägledning på biblioteken',
        rows: [
          { key: 'Utvecklingsområde', value: 'Lokal service', text: false },
          { key: 'Beskrivning', value: 'Invånare tar med kommunala ärenden till biblioteken.\nSärskilt om förskoleplats.', text: true },
          { key: 'Kanaler', value: 'Bibliotek, Fax', text: false },
          { key: 'Stadsområden', value: 'Inte angivet', text: false },
          { key: 'Målgrupper', value: 'Nyanlända', text: false },
          { key: 'Ärenden per månad', value: 'Ungefär 1\u00a0200', text: false },
          { key: 'Prioritet', value: 'Hög', text: false },
          { key: 'Underlag', value: 'Statistik: Besöksstatistik 2025 (15 januari 2026)', text: false },
          { key: 'Konsekvens om behovet inte tillgodoses', value: 'Inte angivet', text: false },
        ],
        editHref: null,
        deleteHref: null,
      },
    ]);
    expect(buildNeedsPage(data({ needs: [] })).noNeeds).toBe('Förvaltningen har inte lagt till några behov ännu.');
  });

  it('gives the coordinator, while the needs may change, the form to add one (active choices only), links to change or remove each, and the hand-in form', () => {
    const model = buildNeedsPage(data(), {}, COORDINATOR);
    expect(model.needs[0]).toMatchObject({ editHref: `${BASE}/${NEED_ID}/andra`, deleteHref: `${BASE}/${NEED_ID}/ta-bort` });
    expect(model.add).toMatchObject({ action: BASE, submitLabel: 'Lägg till behovet', values: emptyNeedForm(), errors: {} });
    expect(model.add!.areas.map((a) => a.text)).toEqual(['Välj utvecklingsområde', 'Lokal service', 'Tillgänglighet och serviceinriktat bemötande']);
    expect(model.add!.checkboxGroups.map((g) => [g.name, g.items.map((i) => i.id)])).toEqual([
      ['channels', ['channels', 'channels-web']],
      ['districts', ['districts']],
      ['targetGroups', ['targetGroups']],
    ]);
    expect(model.add!.priorities.map((p) => [p.id, p.text])).toEqual([
      ['priority', 'Hög'],
      ['priority-medium', 'Medel'],
      ['priority-low', 'Låg'],
    ]);
    expect(model.coordinator).toEqual({
      text: 'Förvaltningen har ett behov i planomgången. När behoven är inlämnade kan de inte ändras, och förvaltningsledningen ombeds godkänna dem.',
      submit: { anchor: 'lamna-in', action: `${BASE}/lamna-in`, button: 'Lämna in behoven', buttonClasses: '', field: null, confirm: true },
      nothingToReport: null,
    });
    // A returned submission may change again.
    expect(buildNeedsPage(data({ submission: submission('returned', { returnComment: 'Komplettera underlaget' }) }), {}, COORDINATOR)).toMatchObject({
      returnComment: 'Komplettera underlaget',
      add: { action: BASE },
      coordinator: { submit: { button: 'Lämna in behoven' } },
    });
  });

  it('offers a coordinator without needs to report nothing, with a reason, instead of handing in', () => {
    const model = buildNeedsPage(data({ needs: [], submission: { ...submission('draft'), needCount: 0 } }), {}, COORDINATOR);
    expect(model.coordinator).toMatchObject({ submit: null, nothingToReport: { anchor: 'inget-att-rapportera', action: `${BASE}/inget-att-rapportera` } });
    expect(model.coordinator!.nothingToReport!.field).toMatchObject({ id: 'inget-att-rapportera-reason', name: 'reason', label: 'Varför har förvaltningen inget att rapportera?', value: '' });
  });

  it('locks the needs once handed in: no forms for the coordinator, endorse and return for management, late handing in marked', () => {
    const submitted = data({ submission: submission('submitted', { late: true }) });
    const asCoordinator = buildNeedsPage(submitted, {}, COORDINATOR);
    expect(asCoordinator.add).toBeNull();
    expect(asCoordinator.needs[0].editHref).toBeNull();
    expect(asCoordinator.coordinator).toEqual({
      text: 'Behoven är inlämnade och kan inte ändras. Förvaltningsledningen kan skicka tillbaka dem om något behöver ändras.',
      submit: null,
      nothingToReport: null,
    });
    expect(asCoordinator.summary[0].tags!.map((t) => t.text)).toEqual(['Inlämnad', 'Sen inlämning']);
    expect(asCoordinator.summary.find((r) => r.key === 'Inlämnad')?.value).toBe('21 november 2026 kl. 10:30');

    const asManager = buildNeedsPage(submitted, {}, MANAGEMENT);
    expect(asManager.management).toMatchObject({
      endorse: { anchor: 'godkann', action: `${BASE}/godkann`, button: 'Godkänn behoven', field: null, confirm: true },
      returnForm: { anchor: 'skicka-tillbaka', action: `${BASE}/skicka-tillbaka`, button: 'Skicka tillbaka behoven', confirm: false, field: { id: 'skicka-tillbaka-comment', name: 'comment' } },
    });
    // Endorsed: it may still be returned; a draft: nothing to do yet.
    expect(buildNeedsPage(data({ submission: submission('endorsed', { endorsedAt: new Date('2026-11-22T08:00:00Z') }) }), {}, MANAGEMENT)).toMatchObject({
      management: { endorse: null, returnForm: { anchor: 'skicka-tillbaka' } },
      summary: expect.arrayContaining([{ key: 'Godkänd', value: '22 november 2026 kl. 09:00' }]),
    });
    expect(buildNeedsPage(data(), {}, MANAGEMENT).management).toEqual({
      text: 'Samordnaren har inte lämnat in behoven ännu. När de är inlämnade kan du godkänna dem eller skicka tillbaka dem här.',
      endorse: null,
      returnForm: null,
    });
    // Reporting nothing shows the reason.
    const nothing = buildNeedsPage(data({ needs: [], submission: submission('nothingToReport', { nothingToReportReason: 'Inga nya behov' }) }), {}, READER);
    expect(nothing.summary).toContainEqual({ key: 'Varför inget att rapportera', value: 'Inga nya behov', text: true });
    expect(nothing.noNeeds).toBe('Förvaltningen har inga behov i planomgången.');
  });

  it('says why nothing can change once the round no longer collects needs, and offers no forms', () => {
    for (const access of [COORDINATOR, MANAGEMENT]) {
      const model = buildNeedsPage(data({ round: round({ state: 'draftingPlan' }), submission: submission('submitted') }), {}, access);
      expect(model).toMatchObject({ add: null, coordinator: null, management: null });
      expect(model.closed).toBe('Behovsinsamlingen är stängd: planomgången är i fasen planarbete. Behoven kan inte längre ändras.');
    }
    expect(buildNeedsPage(data({ round: round({ state: 'preparing' }) }), {}, COORDINATOR).closed).toContain('Behovsinsamlingen har inte startat.');
    // The deadline passed while the needs may still change: marked.
    expect(buildNeedsPage(data({ today: '2026-12-21' }), {}, COORDINATOR).summary[1].tags).toEqual([{ text: 'Försenad', classes: 'govuk-tag--red' }]);
  });

  it('shows a failed add form again with what was typed, and an error summary in the order of the fields', () => {
    const values = { ...emptyNeedForm(), description: 'Text', channels: [], priority: 'low' };
    const model = buildNeedsPage(
      data(),
      { add: { values, errors: { channels: 'Välj minst en kanal', title: 'Ange en rubrik' }, general: ['Planomgången tar inte emot behov just nu'], status: 400 }, notice: { kind: 'added', needId: NEED_ID } },
      COORDINATOR,
    );
    expect(model.hasErrors).toBe(true);
    expect(model.notice).toBeNull();
    expect(model.errorSummary).toEqual([
      { text: 'Planomgången tar inte emot behov just nu', href: '#lagg-till' },
      { text: 'Ange en rubrik', href: '#title' },
      { text: 'Välj minst en kanal', href: '#channels' },
    ]);
    expect(model.add!.values).toBe(values);
    expect(model.add!.checkboxGroups[0].error).toBe('Välj minst en kanal');
    expect(model.add!.priorities.find((p) => p.checked)?.value).toBe('low');
  });

  it("links a failed step's errors to its field, or to its section, or to the status when its form is no longer shown", () => {
    const returned = buildNeedsPage(
      data({ submission: submission('submitted') }),
      { step: { step: 'return', values: { text: '' }, errors: { comment: 'Skriv vad som behöver göras innan behoven lämnas in igen' }, general: [], status: 400 } },
      MANAGEMENT,
    );
    expect(returned.errorSummary).toEqual([{ text: 'Skriv vad som behöver göras innan behoven lämnas in igen', href: '#skicka-tillbaka-comment' }]);
    expect(returned.management!.returnForm!.field!.error).toBe('Skriv vad som behöver göras innan behoven lämnas in igen');
    const submit = buildNeedsPage(data(), { step: { step: 'submit', values: { text: '' }, errors: {}, general: ['Det finns inga behov att lämna in.'], status: 409 } }, COORDINATOR);
    expect(submit.errorSummary).toEqual([{ text: 'Det finns inga behov att lämna in.', href: '#lamna-in' }]);
    // Someone else endorsed meanwhile: the endorse form is gone.
    const gone = buildNeedsPage(
      data({ submission: submission('endorsed') }),
      { step: { step: 'endorse', values: { text: '' }, errors: {}, general: ['Bara inlämnade behov kan godkännas (status: Godkänd)'], status: 409 } },
      MANAGEMENT,
    );
    expect(gone.errorSummary).toEqual([{ text: 'Bara inlämnade behov kan godkännas (status: Godkänd)', href: '#status' }]);
  });

  it('names what was just done in the banner, only when the page confirms it', () => {
    const needs = [{ id: NEED_ID, title: 'Vägledning på biblioteken' }];
    expect(needsNoticeText({ kind: 'added', needId: NEED_ID }, needs, 'draft')).toBe('Behovet ”Vägledning på biblioteken” är tillagt.');
    expect(needsNoticeText({ kind: 'changed', needId: NEED_ID }, needs, 'draft')).toBe('Behovet ”Vägledning på biblioteken” är ändrat.');
    expect(needsNoticeText({ kind: 'added', needId: 'other' }, needs, 'draft')).toBeNull();
    expect(needsNoticeText({ kind: 'deleted', needId: NEED_ID }, needs, 'draft')).toBeNull();
    expect(needsNoticeText({ kind: 'deleted', needId: 'other' }, needs, 'draft')).toBe('Behovet är borttaget.');
    expect(needsNoticeText({ kind: 'step', step: 'submit' }, needs, 'submitted')).toBe('Behoven är inlämnade. Förvaltningsledningen ombeds nu godkänna dem.');
    expect(needsNoticeText({ kind: 'step', step: 'endorse' }, needs, 'submitted')).toBeNull();
    expect(needsNoticeText({ kind: 'step', step: 'endorse' }, needs, 'endorsed')).toBe('Behoven är godkända. Samordnaren får ett mejl om det.');
    expect(needsNoticeText(undefined, needs, 'draft')).toBeNull();

    expect(readNeedsNotice({ tillagt: NEED_ID.toUpperCase() })).toEqual({ kind: 'added', needId: NEED_ID });
    expect(readNeedsNotice({ borttaget: NEED_ID })).toEqual({ kind: 'deleted', needId: NEED_ID });
    expect(readNeedsNotice({ steg: 'skicka-tillbaka' })).toEqual({ kind: 'step', step: 'return' });
    expect(readNeedsNotice({ tillagt: 'inte-ett-id', steg: 'return' })).toBeUndefined();
  });

  it("shows a reader outside the department that a draft exists and how many needs it has, not the needs", () => {
    const draft = { ...submission('draft'), needCount: 7 };
    const outside = buildNeedsPage(data({ needs: [], submission: draft }), {}, READER);
    expect(outside.draftHidden).toBe('Förvaltningen har ett utkast med 7 behov. Behoven visas här när förvaltningen har lämnat in dem.');
    expect(outside.summary).toContainEqual({ key: 'Antal behov', value: '7' });
    expect(outside.needs).toEqual([]);
    // The department's own coordinator reads them; once handed in, everyone who may read the department does.
    expect(buildNeedsPage(data({ submission: { ...draft, needCount: 1 } }), {}, COORDINATOR).draftHidden).toBeNull();
    expect(buildNeedsPage(data({ needs: [], submission: { ...submission('draft'), needCount: 0 } }), {}, READER).draftHidden).toBeNull();
  });

  it("keeps every comment the needs were sent back with in the submission's history", () => {
    const model = buildNeedsPage(
      data({
        submission: submission('submitted'),
        history: [
          { step: 'submit', at: new Date('2026-11-20T09:00:00Z'), by: 'Elin Öberg', text: null },
          { step: 'return', at: new Date('2026-11-21T09:00:00Z'), by: 'Märta Öhman', text: 'Komplettera underlaget' },
          { step: 'submit', at: new Date('2026-11-22T09:00:00Z'), by: 'Elin Öberg', text: null },
        ],
      }),
      {},
      READER,
    );
    expect(model.returnComment).toBeNull();
    expect(model.history).toEqual([
      { when: '20 november 2026 kl. 10:00', what: 'Elin Öberg lämnade in behoven', text: null },
      { when: '21 november 2026 kl. 10:00', what: 'Märta Öhman skickade tillbaka behoven', text: 'Komplettera underlaget' },
      { when: '22 november 2026 kl. 10:00', what: 'Elin Öberg lämnade in behoven', text: null },
    ]);
  });

  it('asks before handing in and before approving, on a page of its own that says what will happen', () => {
    const handIn = buildStepConfirmPage(data({ submission: { ...submission('draft'), needCount: 7 } }), 'submit', COORDINATOR);
    expect(handIn).toMatchObject({
      heading: 'Vill du lämna in behoven?',
      action: `${BASE}/lamna-in`,
      backHref: BASE,
      button: 'Ja, lämna in behoven',
    });
    expect(handIn!.paragraphs[0]).toBe('Du lämnar in 7 behov för Förskoleförvaltningen till planomgången Utvecklingsplan för kontaktcenter 2027 och framåt.');
    expect(handIn!.paragraphs).toHaveLength(2);
    // After the deadline: it says the handing in is late.
    expect(buildStepConfirmPage(data({ today: '2026-12-21' }), 'submit', COORDINATOR)!.paragraphs[2]).toBe('Sista dagen för behov var 20 december 2026, så inlämningen markeras som sen.');

    const approve = buildStepConfirmPage(data({ submission: { ...submission('submitted'), needCount: 1 } }), 'endorse', MANAGEMENT);
    expect(approve).toMatchObject({ heading: 'Vill du godkänna behoven?', action: `${BASE}/godkann`, button: 'Ja, godkänn behoven' });
    expect(approve!.paragraphs[0]).toBe('Du godkänner ett behov från Förskoleförvaltningen i planomgången Utvecklingsplan för kontaktcenter 2027 och framåt.');

    // Not offered now (already handed in; not handed in yet; not the caller's step): no page.
    expect(buildStepConfirmPage(data({ submission: submission('submitted') }), 'submit', COORDINATOR)).toBeNull();
    expect(buildStepConfirmPage(data(), 'endorse', MANAGEMENT)).toBeNull();
    expect(buildStepConfirmPage(data(), 'submit', MANAGEMENT)).toBeNull();
  });

  describe('rendered', () => {
    const renderer = new ViewRenderer({ stylesheetUrl: '/assets/samverka.css?v=test' } as WebAssets, {} as ViewerService);
    const viewer = { principal: { coordinator: [FSK] } as unknown as Principal, name: 'Annika Åsberg', csrfToken: 'csrf-1', seesAllDepartments: false, departments: [], committees: [] } as Viewer;
    const render = (model: ReturnType<typeof buildNeedsPage>) => renderer.render('needs', model, viewer, BASE);

    it('posts every form with the CSRF token, and labels the card links with the need they act on', () => {
      const page = render(buildNeedsPage(data(), {}, COORDINATOR));
      const forms = page.match(/<form method="post" action="\/planomgangar\/[^"]+"[\s\S]*?<\/form>/g) ?? [];
      expect(forms.map((f) => /action="([^"]+)"/.exec(f)![1])).toEqual([BASE]);
      // Handing in is confirmed on a page of its own: a link there, not a form.
      expect(page).toContain(`<a href="${BASE}/lamna-in" class="govuk-button " data-module="govuk-button">Lämna in behoven</a>`);
      for (const form of forms) expect(form).toContain('<input type="hidden" name="_csrf" value="csrf-1">');
      expect(page).toContain(`<a class="govuk-link" href="${BASE}/${NEED_ID}/andra">Ändra<span class="govuk-visually-hidden"> behovet Vägledning på biblioteken</span></a>`);
      expect(page).toContain(`<h3 class="govuk-summary-card__title" id="behov-${NEED_ID}-rubrik">Vägledning på biblioteken</h3>`);
      expect(page).toContain('<input class="govuk-checkboxes__input" id="channels" name="channels" type="checkbox" value="library">');
      expect(page).not.toContain('value="fax"');
      expect(page).toContain('<dd class="govuk-summary-list__value samverka-preserve-lines">Invånare tar med kommunala ärenden till biblioteken.\nSärskilt om förskoleplats.</dd>');
    });

    it('marks the fields in error, described by their messages, and keeps what was typed', () => {
      const values = { ...emptyNeedForm(), title: '<Rubrik>', channels: ['web'], priority: 'medium' };
      const page = render(buildNeedsPage(data(), { add: { values, errors: { areaCode: 'Välj utvecklingsområde', channels: 'Välj kanaler i listan' }, general: [], status: 400 } }, COORDINATOR));
      expect(page).toContain('<li><a href="#areaCode">Välj utvecklingsområde</a></li>');
      expect(page).toContain('<select class="govuk-select govuk-select--error" id="areaCode" name="areaCode" aria-describedby="areaCode-hint areaCode-error">');
      expect(page).toContain('<p id="channels-error" class="govuk-error-message"><span class="govuk-visually-hidden">Fel:</span> Välj kanaler i listan</p>');
      expect(page).toContain('<fieldset class="govuk-fieldset" aria-describedby="channels-hint channels-error">');
      expect(page).toContain('value="&lt;Rubrik&gt;"');
      expect(page).toContain('<input class="govuk-checkboxes__input" id="channels-web" name="channels" type="checkbox" value="web" checked>');
      expect(page).toContain('<input class="govuk-radios__input" id="priority-medium" name="priority" type="radio" value="medium" checked>');
    });

    it('gives readers the needs without any form', () => {
      const page = render(buildNeedsPage(data({ submission: submission('submitted') }), {}, READER));
      expect(page).not.toMatch(/<form method="post" action="\/planomgangar/);
      expect(page).not.toContain('/andra"');
      expect(page).toContain('<strong class="govuk-tag govuk-tag--blue">Inlämnad</strong>');
    });
  });
});
