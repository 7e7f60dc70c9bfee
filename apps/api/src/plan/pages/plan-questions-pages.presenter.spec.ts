import type { CoverageRow, NeedsCoverage, PlanQuestion } from '@samverka/plan';
import type { RoundBasics } from '@samverka/rounds';
import { planAnswerText } from '../../needs/pages/needs-pages.controller';
import { buildPlanNeedsPage, PLAN_NEEDS_PAGE_SIZE } from './plan-needs-page.presenter';
import { validateAskForm } from './plan-questions-forms';
import { buildDepartmentQuestionsPage, buildStrategistQuestionsPage } from './plan-questions-page.presenter';

const ROUND: RoundBasics = {
  id: 'r1',
  title: 'Utvecklingsplan 2027',
  year: 2027,
  state: 'draftingPlan',
  needsDeadline: '2026-04-30',
  areas: [{ code: 'LOKAL_SERVICE', name: 'Lokal service' }] as RoundBasics['areas'],
  participants: [
    { departmentId: 'd1', name: 'Förskoleförvaltningen', committeeId: 'c1' },
    { departmentId: 'd2', name: 'Kulturförvaltningen', committeeId: 'c2' },
  ],
};

const need = (id: string, values: Partial<CoverageRow> = {}): CoverageRow => ({
  needId: id,
  title: `Behov ${id}`,
  areaCode: 'LOKAL_SERVICE',
  priority: 'high',
  departmentId: 'd1',
  departmentName: 'Förskoleförvaltningen',
  items: [],
  deferral: null,
  ...values,
});

const question = (id: string, values: Partial<PlanQuestion> = {}): PlanQuestion => ({
  id,
  roundId: 'r1',
  itemId: 'i1',
  itemCode: 'LS-3',
  itemTitle: 'Vägledning',
  version: null,
  departmentId: 'd1',
  departmentName: 'Förskoleförvaltningen',
  question: 'Vad förväntas?',
  askedBy: 'Annika Åsberg',
  askedAt: new Date('2026-03-02T09:00:00Z'),
  answer: null,
  answeredBy: null,
  answeredAt: null,
  ...values,
});

describe('the needs coverage page', () => {
  const coverage: NeedsCoverage = {
    roundId: 'r1',
    unanswered: [need('n1')],
    deferred: [need('n2', { deferral: { reason: 'Nästa år', deferredBy: 'Åsa Öberg', deferredAt: new Date('2026-03-02T09:00:00Z') } })],
    answered: [need('n3', { items: [{ id: 'i1', code: 'LS-3', title: 'Vägledning' }] })],
    counts: { total: 3, unanswered: 1, deferred: 1, answered: 1 },
  };

  it('offers the strategist a defer form per unanswered need and an undo per deferred one, and says which items answer the rest', () => {
    const model = buildPlanNeedsPage({ round: ROUND, coverage, page: 1, editable: true, notEditableReason: null });
    expect(model.counts).toEqual({ total: 3, unanswered: 1, deferred: 1, answered: 1 });
    expect(model.unanswered[0]).toMatchObject({ title: 'Behov n1', area: 'Lokal service', priority: 'Hög', defer: { action: '/planomgangar/r1/plan/behov/n1/skjut-upp', fieldId: 'reason-n1', value: '', error: null } });
    expect(model.deferred[0]).toMatchObject({ reason: 'Nästa år', undo: { action: '/planomgangar/r1/plan/behov/n2/ta-tillbaka' }, defer: null });
    expect(model.answered[0]).toMatchObject({ items: 'LS-3 Vägledning', defer: null, undo: null });
  });

  it('offers no form to an admin or when the plan cannot be edited, and says why', () => {
    const model = buildPlanNeedsPage({ round: ROUND, coverage, page: 1, editable: false, notEditableReason: 'Planen är inte påbörjad ännu.' });
    expect([...model.unanswered, ...model.deferred].every((n) => n.defer === null && n.undo === null)).toBe(true);
    expect(model.notEditableReason).toBe('Planen är inte påbörjad ännu.');
  });

  it("shows a failed deferral at that need's field, with what was typed, linked from the summary", () => {
    const model = buildPlanNeedsPage(
      { round: ROUND, coverage, page: 1, editable: true, notEditableReason: null },
      { failed: { needId: 'n1', form: 'defer', failure: { values: { reason: ' ' }, errors: { reason: 'Skriv varför behovet skjuts upp' }, general: [], status: 400 } } },
    );
    expect(model.hasErrors).toBe(true);
    expect(model.errorSummary).toEqual([{ text: 'Skriv varför behovet skjuts upp', href: '#reason-n1' }]);
    expect(model.unanswered[0].defer).toMatchObject({ value: ' ', error: 'Skriv varför behovet skjuts upp' });
    expect(model.title).toBe('Behov och planen – Utvecklingsplan 2027');
  });
});

describe('the needs coverage page, a page at a time', () => {
  const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => need(`${prefix}${i}`));
  const page2: NeedsCoverage = {
    roundId: 'r1',
    unanswered: many('u', PLAN_NEEDS_PAGE_SIZE),
    deferred: [],
    answered: many('a', 3),
    counts: { total: 2 * PLAN_NEEDS_PAGE_SIZE + 30 + 53, unanswered: 2 * PLAN_NEEDS_PAGE_SIZE + 30, deferred: 0, answered: 53 },
  };

  it('counts each section whole, says which part of a long one it shows, and links the pages', () => {
    const model = buildPlanNeedsPage({ round: ROUND, coverage: page2, page: 2, editable: true, notEditableReason: null });
    expect(model.counts.unanswered).toBe(130);
    expect(model.shown).toEqual({ unanswered: `Visar ${PLAN_NEEDS_PAGE_SIZE + 1}–${2 * PLAN_NEEDS_PAGE_SIZE} av 130.`, deferred: null, answered: `Visar ${PLAN_NEEDS_PAGE_SIZE + 1}–${PLAN_NEEDS_PAGE_SIZE + 3} av 53.` });
    expect(model.pagination).toMatchObject({ status: 'Sida 2 av 3', previous: '/planomgangar/r1/plan/behov', next: '/planomgangar/r1/plan/behov?sida=3' });
    // The forms come back to the page they were on.
    expect(model.unanswered[0].defer?.action).toBe('/planomgangar/r1/plan/behov/u0/skjut-upp?sida=2');
  });

  it('has no page navigation when every section fits on one page', () => {
    const small: NeedsCoverage = { roundId: 'r1', unanswered: many('u', 2), deferred: [], answered: [], counts: { total: 2, unanswered: 2, deferred: 0, answered: 0 } };
    const model = buildPlanNeedsPage({ round: ROUND, coverage: small, page: 1, editable: true, notEditableReason: null });
    expect([model.pagination, model.shown.unanswered, model.unanswered[0].defer?.action]).toEqual([null, null, '/planomgangar/r1/plan/behov/u0/skjut-upp']);
  });
});

describe('the questions pages', () => {
  it('offers the strategist an answer form per unanswered question, unanswered apart from answered', () => {
    const model = buildStrategistQuestionsPage({
      round: ROUND,
      questions: [question('q1'), question('q2', { version: 2, answer: 'Svar', answeredBy: 'Åsa Öberg', answeredAt: new Date('2026-03-03T09:00:00Z') })],
      mayAnswer: true,
    });
    expect(model.unanswered.map((q) => [q.id, q.about, q.form?.action])).toEqual([['fraga-q1', 'Utkastet till planen', '/planomgangar/r1/plan/fragor/q1/svara']]);
    expect(model.answered.map((q) => [q.id, q.about, q.answer, q.form])).toEqual([['fraga-q2', 'Version 2', 'Svar', null]]);
    expect(buildStrategistQuestionsPage({ round: ROUND, questions: [question('q1')], mayAnswer: false }).unanswered[0].form).toBeNull();
  });

  it("offers a department's people the items where it has a role (else every item), and keeps a failed question", () => {
    const items = [
      { id: 'i1', code: 'LS-3', title: 'Vägledning', areaCode: 'LOKAL_SERVICE', hasRole: true },
      { id: 'i2', code: 'LS-4', title: 'Öppettider', areaCode: 'LOKAL_SERVICE', hasRole: false },
    ];
    const model = buildDepartmentQuestionsPage({ round: ROUND, departmentId: 'd1', questions: [], items, mayAsk: true });
    expect(model.ask?.items.map((i) => i.text)).toEqual(['Välj insats', 'LS-3 Vägledning']);
    expect(model.caption).toBe('Utvecklingsplan 2027 – Förskoleförvaltningen');
    const none = buildDepartmentQuestionsPage({ round: ROUND, departmentId: 'd2', questions: [], items: items.map((i) => ({ ...i, hasRole: false })), mayAsk: true });
    expect(none.ask?.items.map((i) => i.text)).toEqual(['Välj insats', 'LS-3 Vägledning', 'LS-4 Öppettider']);
    const failed = buildDepartmentQuestionsPage(
      { round: ROUND, departmentId: 'd1', questions: [], items, mayAsk: true },
      { ask: { values: { itemId: 'i1', question: '' }, errors: { question: 'Skriv din fråga' }, general: [], status: 400 } },
    );
    expect(failed.errorSummary).toEqual([{ text: 'Skriv din fråga', href: '#question' }]);
    expect(failed.ask).toMatchObject({ questionError: 'Skriv din fråga', itemError: null });
    expect(failed.ask?.items.find((i) => i.selected)?.value).toBe('i1');
    expect(buildDepartmentQuestionsPage({ round: ROUND, departmentId: 'd1', questions: [], items, mayAsk: false }).ask).toBeNull();
  });

  it('reads the ask form: an item that is no id and a blank question are both named', () => {
    expect(validateAskForm({ itemId: 'x', question: ' ' }).errors).toEqual({ itemId: 'Välj insatsen du vill fråga om', question: 'Skriv din fråga' });
    expect(validateAskForm({ itemId: '8C3F2A1B-0000-4000-8000-000000000001', question: 'Fråga' }).input).toEqual({ itemId: '8c3f2a1b-0000-4000-8000-000000000001', question: 'Fråga' });
  });
});

describe(planAnswerText.name, () => {
  it('says which items answer a need, or why it is deferred', () => {
    expect(planAnswerText({ kind: 'answered', items: [{ id: 'i', code: 'LS-3', title: 'T' }] })).toBe('Besvaras av insats LS-3');
    expect(planAnswerText({ kind: 'answered', items: ['LS-3', 'LS-4', 'DS-1'].map((code) => ({ id: code, code, title: 'T' })) })).toBe('Besvaras av insatserna LS-3, LS-4 och DS-1');
    expect(planAnswerText({ kind: 'deferred', reason: 'Nästa år' })).toBe('Skjuts upp: Nästa år');
  });
});
