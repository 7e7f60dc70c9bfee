import { CommonError } from '@samverka/kernel';
import { createRoundViolations, DEFAULT_AREAS, RoundError, RoundErrorCode } from '@samverka/rounds';
import { buildNewRoundPage } from './new-round.presenter';
import { formErrorsFrom } from '../../shell/form-action';
import { AREA_ROWS, defaultRoundForm, fieldIdFor, nextRoundForm, readRoundForm, roundFormErrors, RoundFormValues, toCreateRoundCommand } from './round-form';

const today = '2026-11-22';
const FSK = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';
const KUF = '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';

/** A valid form body, as the browser posts it (checkboxes repeat their name). */
const body = (values: Record<string, unknown> = {}): Record<string, unknown> => ({
  _csrf: 'token',
  title: ' Utvecklingsplan för kontaktcenter 2027 och framåt ',
  year: '2027',
  caseNumber: 'STK-2026-1400',
  needsDeadline: '2027-01-31',
  consultationReplyDeadline: '2027-04-30',
  decisionDeadline: '2027-06-15',
  participantDepartmentIds: [FSK, KUF.toUpperCase()],
  'areas-0-code': 'tillganglighet',
  'areas-0-name': 'Tillgänglighet',
  'areas-1-code': '',
  'areas-1-name': '',
  'areas-2-code': 'BIBLIOTEK',
  'areas-2-name': 'Bibliotek som servicepunkter',
  autoCloseNeeds: 'ja',
  action: 'launch',
  ...values,
});

/** What the page shows for a posted form: the rounds' rules judge its command, their violations land on the form's fields. */
const shown = (values: Record<string, unknown>) => {
  const v = readRoundForm(body(values)).values;
  const violations = createRoundViolations(toCreateRoundCommand(v), today);
  return violations.length === 0 ? null : formErrorsFrom(CommonError.invalid(violations), roundFormErrors(v));
};

describe('the new-round form', () => {
  it('starts with next year, its title, every active department and the five default areas', () => {
    const v = defaultRoundForm(today, [FSK, KUF]);
    expect(v).toMatchObject({ title: 'Utvecklingsplan för kontaktcenter 2027 och framåt', year: '2027', caseNumber: '', participantDepartmentIds: [FSK, KUF] });
    expect(v.areas).toHaveLength(AREA_ROWS);
    expect(v.areas.slice(0, 5)).toEqual(DEFAULT_AREAS.map((a) => ({ code: a.code, name: a.name })));
    expect(v.areas.slice(5)).toEqual([{ code: '', name: '' }, { code: '', name: '' }, { code: '', name: '' }]);
  });

  it('skips the years that already have an active round', () => {
    expect(defaultRoundForm(today, [FSK], [2027, 2028])).toMatchObject({ title: 'Utvecklingsplan för kontaktcenter 2029 och framåt', year: '2029' });
  });

  it('reads its own fields (never _csrf), every checked department once, and which button was pressed', () => {
    const { values, action } = readRoundForm(body({ participantDepartmentIds: [FSK, FSK] }));
    expect(action).toBe('launch');
    expect(values.title).toBe('Utvecklingsplan för kontaktcenter 2027 och framåt');
    expect(values.participantDepartmentIds).toEqual([FSK]);
    expect(values.autoCloseNeeds).toBe(true);
    expect(values.autoCloseConsultation).toBe(false);
    expect(values).not.toHaveProperty('_csrf');
    // One checkbox posts a single value; none posts nothing; no (or an unknown) button means "save".
    expect(readRoundForm(body({ participantDepartmentIds: FSK })).values.participantDepartmentIds).toEqual([FSK]);
    expect(readRoundForm(body({ participantDepartmentIds: undefined, action: 'x' }))).toMatchObject({ values: { participantDepartmentIds: [] }, action: 'save' });
  });

  it('maps the form to the command to create a round: filled area rows only, blank dates as none, the year as a number', () => {
    expect(toCreateRoundCommand(readRoundForm(body({ consultationReplyDeadline: '' })).values)).toEqual({
      title: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
      year: 2027,
      caseNumber: 'STK-2026-1400',
      participantDepartmentIds: [FSK, KUF],
      areas: [
        { code: 'tillganglighet', name: 'Tillgänglighet' },
        { code: 'BIBLIOTEK', name: 'Bibliotek som servicepunkter' },
      ],
      deadlines: { needs: '2027-01-31', consultationReply: null, decision: '2027-06-15' },
      autoClose: { needs: true, consultation: false },
    });
    // Not digits is no year (the rules say what a year must be); a blank needs date stays blank (the rules ask for it).
    expect(toCreateRoundCommand(readRoundForm(body({ year: '27x', needsDeadline: '' })).values)).toMatchObject({ year: Number.NaN, deadlines: { needs: '' } });
    expect(shown({})).toBeNull();
  });

  it("shows every violation of the rounds' rules at once, each at the field it was typed in", () => {
    expect(shown({ title: '', consultationReplyDeadline: '', decisionDeadline: '2027-01-10' })).toEqual({
      errors: { title: 'Ange en titel', decisionDeadline: 'Datum för planerat beslut måste ligga efter sista dag för behov' },
      general: [],
    });
    expect(shown({ needsDeadline: today, year: '27', caseNumber: '' })?.errors).toEqual({
      year: 'Året måste vara ett årtal mellan 2000 och 2100, till exempel 2027',
      caseNumber: 'Ange diarienummer',
      needsDeadline: 'Sista dag för behov måste ligga efter i dag',
    });
    expect(shown({ needsDeadline: '2027-02-30', consultationReplyDeadline: '2027-01-01' })?.errors).toEqual({
      needsDeadline: 'Sista dag för behov måste vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-03-01',
    });
    expect(shown({ participantDepartmentIds: undefined })?.errors).toEqual({ participantDepartmentIds: 'Välj minst en deltagande förvaltning' });
    // Rows 2 and 4 are the second and fourth filled rows (areas[1], areas[3]): each error is on the row it was typed in.
    expect(shown({ 'areas-1-name': 'Utan kod', 'areas-2-code': 'tillgänglighet!', 'areas-3-code': 'TILLGANGLIGHET' })?.errors).toEqual({
      'areas-1-code': 'Ange en kod för området',
      'areas-2-code': 'Koden får bara innehålla versaler, siffror och understreck (2–40 tecken)',
      'areas-3-code': 'Koden TILLGANGLIGHET förekommer två gånger',
      'areas-3-name': 'Ange områdets namn',
    });
    expect(shown({ 'areas-0-code': '', 'areas-0-name': '', 'areas-2-code': '', 'areas-2-name': '' })?.errors).toEqual({
      'areas-0-code': 'Planomgången behöver minst ett utvecklingsområde',
    });
  });

  it("puts the service's refusals on the fields they are about, an area on the row it was typed in", () => {
    const values = readRoundForm(body()).values;
    expect(fieldIdFor('deadlines.needs', values)).toBe('needsDeadline');
    expect(fieldIdFor('areas[1].name', values)).toBe('areas-2-name');
    expect(fieldIdFor('autoClose', values)).toBeUndefined();
    expect(formErrorsFrom(CommonError.invalidField('deadlines.needs', 'afterToday', 'Sista dag för behov måste ligga efter i dag'), roundFormErrors(values))).toEqual({
      errors: { needsDeadline: 'Sista dag för behov måste ligga efter i dag' },
      general: [],
    });
    // The second filled area is row 3 of the form.
    expect(formErrorsFrom(CommonError.invalidField('areas[1].name', 'isNotEmpty', 'Ange områdets namn'), roundFormErrors(values))?.errors).toEqual({ 'areas-2-name': 'Ange områdets namn' });
    expect(formErrorsFrom(CommonError.unknownReference('participantDepartmentIds', FSK, 'Förvaltningen finns inte'), roundFormErrors(values))?.errors).toEqual({
      participantDepartmentIds: 'Förvaltningen finns inte',
    });
    expect(formErrorsFrom(new RoundError(RoundErrorCode.ACTIVE_ROUND_EXISTS, 'Det finns redan en pågående planomgång för 2027'), roundFormErrors(values))?.errors.year).toContain(
      'Det finns redan en pågående planomgång för 2027',
    );
    expect(formErrorsFrom(new RoundError(RoundErrorCode.ILLEGAL_TRANSITION, 'Nej'), roundFormErrors(values))).toBeNull();
  });

  it('lists the errors in the order of the fields, each linking to its field, and keeps what was typed', () => {
    const values: RoundFormValues = { ...readRoundForm(body()).values, title: '' };
    const errors = { decisionDeadline: 'Fel datum', 'areas-2-name': 'Ange ett namn för område 3', title: 'Ange en titel' };
    const departments = [
      { id: KUF, code: 'KUF', name: 'Kulturförvaltningen', committee: { name: 'Kulturnämnden' } },
      { id: FSK, code: 'FSK', name: 'Förskoleförvaltningen', committee: { name: 'Förskolenämnden' } },
    ] as never;
    const model = buildNewRoundPage({ departments, today }, values, errors);
    expect(model.hasErrors).toBe(true);
    expect(model.errorSummary).toEqual([
      { text: 'Ange en titel', href: '#title' },
      { text: 'Fel datum', href: '#decisionDeadline' },
      { text: 'Ange ett namn för område 3', href: '#areas-2-name' },
    ]);
    // Departments by name; the first checkbox carries the group's id (the summary links to it).
    expect(model.participants.map((p) => [p.id, p.text, p.checked])).toEqual([
      ['participantDepartmentIds', 'Förskoleförvaltningen', true],
      ['participantDepartmentIds-kuf', 'Kulturförvaltningen', true],
    ]);
    expect(model.areas[2]).toMatchObject({ legend: 'Område 3', code: { id: 'areas-2-code', value: 'BIBLIOTEK' }, name: { error: 'Ange ett namn för område 3' } });
  });
});

describe('the new-round form started from an earlier round', () => {
  const proposal = {
    fromRoundId: '0b6d7c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e',
    fromTitle: 'Utvecklingsplan för kontaktcenter 2026 och framåt',
    year: 2027,
    areas: [{ code: 'LOKAL_SERVICE', name: 'Lokal service' }],
    participantDepartmentIds: [FSK],
    deadlines: { needs: '2027-03-01', consultationReply: null, decision: '2027-09-30' },
  };

  it('is filled from the proposal: the year after, its areas, participants and deadlines, and the round it starts from', () => {
    const v = nextRoundForm(proposal);
    expect(v).toMatchObject({ title: 'Utvecklingsplan för kontaktcenter 2027 och framåt', year: '2027', needsDeadline: '2027-03-01', consultationReplyDeadline: '', decisionDeadline: '2027-09-30', participantDepartmentIds: [FSK], fromRoundId: proposal.fromRoundId });
    expect(v.areas[0]).toEqual({ code: 'LOKAL_SERVICE', name: 'Lokal service' });
    expect(v.areas).toHaveLength(AREA_ROWS);
  });

  it('posts the earlier round with the command, and nothing when none was chosen', () => {
    expect(toCreateRoundCommand(readRoundForm(body({ fromRoundId: proposal.fromRoundId.toUpperCase() })).values).fromRoundId).toBe(proposal.fromRoundId);
    expect(toCreateRoundCommand(readRoundForm(body()).values)).not.toHaveProperty('fromRoundId');
  });

  it('offers the earlier rounds to start from, with the chosen one selected, and puts a refusal of it at the choice', () => {
    const earlierRounds = [{ id: proposal.fromRoundId, title: proposal.fromTitle, year: 2026, stateLabel: 'Uppföljning' }];
    const page = buildNewRoundPage({ departments: [], today, earlierRounds }, nextRoundForm(proposal), { fromRoundId: 'Planomgången finns inte' });
    expect(page.startFrom?.options.map((o) => [o.text, o.selected])).toEqual([
      ['Ingen – börja med en tom planomgång', false],
      ['Utvecklingsplan för kontaktcenter 2026 och framåt (2026, uppföljning)', true],
    ]);
    expect(page.startFrom?.chosen).toBe('Utvecklingsplan för kontaktcenter 2026 och framåt (2026)');
    expect(page.errorSummary[0]).toEqual({ text: 'Planomgången finns inte', href: '#fromRoundId' });
    expect(buildNewRoundPage({ departments: [], today }, defaultRoundForm(today, [])).startFrom).toBeNull();
  });
});
