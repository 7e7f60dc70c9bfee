import { CommonError, CommonErrorCode, FieldViolation } from '@samverka/kernel';
import { CreatePlanRoundInput, RoundEventInput } from '../plan-round.model';
import {
  assertNoViolations,
  createRoundViolations,
  datesAfterChange,
  normaliseAreas,
  ROUND_LIMITS,
  roundEventViolations,
  updateRoundViolations,
} from './plan-round.rules';

const today = '2026-11-22';
const FSK = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';

const valid: CreatePlanRoundInput = {
  title: 'Utvecklingsplan för kontaktcenter 2027 och framåt',
  year: 2027,
  caseNumber: 'STK-2026-1400',
  participantDepartmentIds: [FSK],
  areas: [{ code: 'LOKAL_SERVICE', name: 'Lokal service' }],
  deadlines: { needs: '2027-01-31', consultationReply: '2027-04-30', decision: '2027-06-15' },
};

/** The violations of a new round that differs from a valid one in `change`, as `field:rule`. */
const create = (change: Partial<CreatePlanRoundInput> | Record<string, unknown>): string[] =>
  createRoundViolations({ ...valid, ...change } as CreatePlanRoundInput, today).map((v) => `${v.field}:${v.rule}`);
const deadlines = (d: Record<string, unknown>) => create({ deadlines: d as never });

describe('the plan-round input rules', () => {
  describe('a new round', () => {
    it('has no violations when every field is right', () => {
      expect(createRoundViolations(valid, today)).toEqual([]);
      // Participants and areas may be left out (every active department, the five default areas).
      expect(create({ participantDepartmentIds: undefined, areas: undefined })).toEqual([]);
    });

    it('needs its collection deadline after today: today is refused, tomorrow is fine', () => {
      expect(deadlines({ needs: today })).toEqual(['deadlines.needs:afterToday']);
      expect(deadlines({ needs: '2026-11-21' })).toEqual(['deadlines.needs:afterToday']);
      expect(deadlines({ needs: '2026-11-23' })).toEqual([]);
      expect(createRoundViolations({ ...valid, deadlines: { needs: today } }, today)).toEqual([
        { field: 'deadlines.needs', rule: 'afterToday', message: 'Sista dag för behov måste ligga efter i dag' },
      ]);
    });

    it('orders the dates: the reply date after the needs date, the decision after the reply date (equal is refused, the day after is fine)', () => {
      expect(deadlines({ needs: '2027-01-31', consultationReply: '2027-01-31' })).toEqual(['deadlines.consultationReply:afterNeeds']);
      expect(deadlines({ needs: '2027-01-31', consultationReply: '2027-02-01' })).toEqual([]);
      expect(deadlines({ needs: '2027-01-31', consultationReply: '2027-04-30', decision: '2027-04-30' })).toEqual(['deadlines.decision:afterConsultationReply']);
      expect(deadlines({ needs: '2027-01-31', consultationReply: '2027-04-30', decision: '2027-05-01' })).toEqual([]);
      // Without a reply date the decision follows the needs date.
      expect(deadlines({ needs: '2027-01-31', decision: '2027-01-31' })).toEqual(['deadlines.decision:afterNeeds']);
      expect(deadlines({ needs: '2027-01-31', consultationReply: null, decision: '2027-02-01' })).toEqual([]);
      expect(createRoundViolations({ ...valid, deadlines: { needs: '2027-01-31', decision: '2027-01-10' } }, today)).toEqual([
        { field: 'deadlines.decision', rule: 'afterNeeds', message: 'Datum för planerat beslut måste ligga efter sista dag för behov' },
      ]);
    });

    it('requires the needs date and real dates written YYYY-MM-DD; a date that is not one is not also judged on its order', () => {
      expect(deadlines({})).toEqual(['deadlines.needs:isNotEmpty']);
      expect(create({ deadlines: undefined })).toEqual(['deadlines.needs:isNotEmpty']);
      expect(deadlines({ needs: '2027-02-30', consultationReply: '2027-01-01', decision: '15/6 2027' })).toEqual([
        'deadlines.needs:isLocalDate',
        'deadlines.decision:isLocalDate',
      ]);
      expect(createRoundViolations({ ...valid, deadlines: { needs: '' } }, today)[0].message).toBe('Ange sista dag för behov');
    });

    it('allows a title of 300 characters and a case number of 60, not one more; blank ones are missing', () => {
      expect(create({ title: 'x'.repeat(ROUND_LIMITS.title), caseNumber: 'x'.repeat(ROUND_LIMITS.caseNumber) })).toEqual([]);
      expect(create({ title: 'x'.repeat(301), caseNumber: 'x'.repeat(61) })).toEqual(['title:maxLength', 'caseNumber:maxLength']);
      // Trimmed first: surrounding spaces do not count.
      expect(create({ title: ` ${'x'.repeat(300)} ` })).toEqual([]);
      expect(create({ title: '   ', caseNumber: undefined })).toEqual(['title:isNotEmpty', 'caseNumber:isNotEmpty']);
      expect(createRoundViolations({ ...valid, title: 'x'.repeat(301) }, today)[0].message).toBe('Titeln får vara högst 300 tecken');
    });

    it('takes a year from 2000 to 2100', () => {
      expect(create({ year: 2000 })).toEqual([]);
      expect(create({ year: 2100 })).toEqual([]);
      expect(create({ year: 1999 })).toEqual(['year:min']);
      expect(create({ year: 2101 })).toEqual(['year:max']);
      expect(create({ year: 2027.5 })).toEqual(['year:isInt']);
      expect(create({ year: Number.NaN })).toEqual(['year:isInt']);
      expect(create({ year: '2027' })).toEqual(['year:isInt']);
    });

    it('judges area codes in capitals after trimming: 2–40 capitals (Å, Ä, Ö too), digits and underscores, each once', () => {
      const areas = (...codes: string[]) => create({ areas: codes.map((code, i) => ({ code, name: `Område ${i + 1}` })) });
      expect(areas(' lokal_service ', 'ÅÄÖ_2', 'AB', 'X'.repeat(40))).toEqual([]);
      expect(areas('A', 'X'.repeat(41), 'A B', 'LOKAL-SERVICE', '')).toEqual([
        'areas[0].code:matches',
        'areas[1].code:matches',
        'areas[2].code:matches',
        'areas[3].code:matches',
        'areas[4].code:isNotEmpty',
      ]);
      expect(areas('AB', 'ab')).toEqual(['areas[1].code:unique']);
      expect(normaliseAreas([{ code: ' bibliotek ', name: ' Bibliotekens service ' }])).toEqual([{ code: 'BIBLIOTEK', name: 'Bibliotekens service' }]);
    });

    it('needs at least one area and at most 30, each named in at most 200 characters', () => {
      const named = (n: number, name = 'Namn') => Array.from({ length: n }, (_, i) => ({ code: `OMRADE_${i}`, name }));
      expect(create({ areas: [] })).toEqual(['areas:arrayNotEmpty']);
      expect(create({ areas: named(ROUND_LIMITS.areas) })).toEqual([]);
      expect(create({ areas: named(31) })).toEqual(['areas:arrayMaxSize']);
      expect(create({ areas: named(1, 'x'.repeat(200)) })).toEqual([]);
      expect(create({ areas: named(1, 'x'.repeat(201)) })).toEqual(['areas[0].name:maxLength']);
      expect(create({ areas: [{ code: 'LOKAL' } as never] })).toEqual(['areas[0].name:isNotEmpty']);
    });

    it('needs at least one participant, each an id, at most 1000', () => {
      expect(create({ participantDepartmentIds: [] })).toEqual(['participantDepartmentIds:arrayNotEmpty']);
      expect(create({ participantDepartmentIds: ['inte-ett-id'] })).toEqual(['participantDepartmentIds:isUuid']);
      expect(create({ participantDepartmentIds: Array.from({ length: 1000 }, () => FSK) })).toEqual([]);
      expect(create({ participantDepartmentIds: Array.from({ length: 1001 }, () => FSK) })).toEqual(['participantDepartmentIds:arrayMaxSize']);
    });

    it('reports every violation at once, each with its field, rule and a Swedish message', () => {
      const violations = createRoundViolations(
        { title: '', year: 1999, caseNumber: '', participantDepartmentIds: [], areas: [{ code: 'a b', name: '' }], deadlines: { needs: today, consultationReply: today } },
        today,
      );
      expect(violations).toEqual([
        { field: 'title', rule: 'isNotEmpty', message: 'Ange en titel' },
        { field: 'year', rule: 'min', message: 'Året måste vara ett årtal mellan 2000 och 2100, till exempel 2027' },
        { field: 'caseNumber', rule: 'isNotEmpty', message: 'Ange diarienummer' },
        { field: 'deadlines.consultationReply', rule: 'afterNeeds', message: 'Sista dag för remissvar måste ligga efter sista dag för behov' },
        { field: 'participantDepartmentIds', rule: 'arrayNotEmpty', message: 'Välj minst en deltagande förvaltning' },
        { field: 'areas[0].code', rule: 'matches', message: 'Koden får bara innehålla versaler, siffror och understreck (2–40 tecken)' },
        { field: 'areas[0].name', rule: 'isNotEmpty', message: 'Ange områdets namn' },
        { field: 'deadlines.needs', rule: 'afterToday', message: 'Sista dag för behov måste ligga efter i dag' },
      ]);
    });
  });

  describe('a change to a round', () => {
    const stored = { needs: '2027-01-31', consultationReply: '2027-04-30', decision: '2027-06-15' };
    const update = (input: Parameters<typeof updateRoundViolations>[0]) => updateRoundViolations(input, stored, '2026-03-02').map((v) => `${v.field}:${v.rule}`);

    it('judges only what it sets, and the dates it leaves the round with in order', () => {
      expect(update({})).toEqual([]);
      expect(update({ title: '' })).toEqual(['title:isNotEmpty']);
      // A needs date past the stored reply date breaks the order of the stored dates.
      expect(update({ deadlines: { needs: '2027-04-30' } })).toEqual(['deadlines.consultationReply:afterNeeds']);
      expect(update({ deadlines: { needs: '2027-04-29' } })).toEqual([]);
      // Removing the reply date makes the decision follow the needs date.
      expect(datesAfterChange(stored, { consultationReply: null })).toEqual({ needs: '2027-01-31', consultationReply: null, decision: '2027-06-15' });
      expect(update({ deadlines: { consultationReply: null, decision: '2027-01-31' } })).toEqual(['deadlines.decision:afterNeeds']);
      // A needs date moved to today or earlier must be confirmed (creation refuses it outright).
      expect(update({ deadlines: { needs: '2026-03-02', consultationReply: '2026-04-01', decision: '2026-05-01' } })).toEqual(['confirmPastDeadline:confirmPastDeadline']);
      expect(update({ deadlines: { needs: '2020-01-01', consultationReply: '2020-02-01', decision: '2020-03-01' }, confirmPastDeadline: true })).toEqual([]);
      expect(update({ deadlines: { needs: '2026-03-03' } })).toEqual([]);
      // The needs deadline can move but not be removed: an empty or null one is refused, not written (the form sends '' for a cleared field).
      expect(update({ deadlines: { needs: '' } })).toEqual(['deadlines.needs:isNotEmpty']);
      expect(update({ deadlines: { needs: null as unknown as string, decision: '2027-05-29' } })).toEqual(['deadlines.needs:isNotEmpty']);
      // Left as stored, a past deadline needs no confirmation.
      expect(updateRoundViolations({ deadlines: { needs: '2027-01-31' } }, stored, '2027-02-15')).toEqual([]);
      expect(update({ deadlines: { decision: 'snart' }, areas: [], participantDepartmentIds: ['x'] })).toEqual([
        'participantDepartmentIds:isUuid',
        'areas:arrayNotEmpty',
        'deadlines.decision:isLocalDate',
      ]);
    });
  });

  describe('a workflow step', () => {
    const step = (input: Partial<RoundEventInput> | Record<string, unknown>): FieldViolation[] => roundEventViolations(input as RoundEventInput);
    const rules = (input: Partial<RoundEventInput> | Record<string, unknown>) => step(input).map((v) => `${v.field}:${v.rule}`);
    const decided = { decidedOn: '2025-05-07', body: 'Kommunstyrelsen', minuteReference: '§ 123' };

    it('is one of the steps a person may take (not the worker’s DEADLINE_REACHED)', () => {
      expect(rules({ type: 'LAUNCH' })).toEqual([]);
      expect(rules({ type: 'FLY', force: true })).toEqual(['type:isIn']);
      expect(rules({ type: 'DEADLINE_REACHED' })).toEqual(['type:isIn']);
    });

    it('is forced only where forcing makes sense, and then with a written reason', () => {
      expect(rules({ type: 'CLOSE_NEEDS', force: true, reason: 'Tiden är ute' })).toEqual([]);
      expect(rules({ type: 'CLOSE_CONSULTATION', force: true, reason: '   ' })).toEqual(['reason:requiredWhenForced']);
      expect(step({ type: 'CLOSE_NEEDS', force: true })).toEqual([
        { field: 'reason', rule: 'requiredWhenForced', message: 'Skriv en motivering till varför du stänger ändå' },
      ]);
      expect(step({ type: 'LAUNCH', force: true, reason: 'Nu' })).toEqual([{ field: 'force', rule: 'forcibleEvent', message: 'Starta behovsinsamlingen kan inte tas som framtvingat steg: bara Stäng behovsinsamlingen, Stäng remissen och Lämna planen till beslut kan tas ändå' }]);
      expect(rules({ type: 'CLOSE_NEEDS', force: false })).toEqual([]);
    });

    it('cancels with a reason, and records a decision as adopted, or returned with a reason', () => {
      expect(rules({ type: 'CANCEL', reason: ' ' })).toEqual(['reason:requiredToCancel']);
      expect(rules({ type: 'CANCEL', reason: 'Uppdraget har tagits över' })).toEqual([]);
      expect(rules({ type: 'RECORD_DECISION', outcome: 'adopted', ...decided })).toEqual([]);
      expect(rules({ type: 'RECORD_DECISION', outcome: 'returned', ...decided })).toEqual(['reason:requiredWhenReturned']);
      expect(rules({ type: 'RECORD_DECISION', outcome: 'returned', reason: 'Mer om bibliotek', ...decided })).toEqual([]);
      expect(rules({ type: 'RECORD_DECISION', ...decided })).toEqual(['outcome:isIn']);
      expect(rules({ type: 'RECORD_DECISION', outcome: 'postponed', ...decided })).toEqual(['outcome:isIn']);
      expect(rules({ type: 'LAUNCH', outcome: 'adopted' })).toEqual(['outcome:onlyForRecordDecision']);
    });

    it('records a decision with its date (a real one, not after today), the body that decided and the § — every missing one at once', () => {
      const decide = (over: Record<string, unknown>) =>
        roundEventViolations({ type: 'RECORD_DECISION', outcome: 'adopted', ...decided, ...over } as RoundEventInput, '2025-05-07').map((v) => `${v.field}:${v.rule}`);
      expect(decide({})).toEqual([]);
      expect(decide({ decidedOn: '2025-05-07' })).toEqual([]);
      expect(decide({ decidedOn: '2025-05-08' })).toEqual(['decidedOn:notInFuture']);
      expect(decide({ decidedOn: '2025-02-30' })).toEqual(['decidedOn:isLocalDate']);
      expect(decide({ decidedOn: '1999-12-31' })).toEqual(['decidedOn:dateRange']);
      expect(decide({ body: 'x'.repeat(ROUND_LIMITS.decisionBody + 1), minuteReference: 'x'.repeat(ROUND_LIMITS.minuteReference + 1) })).toEqual(['body:maxLength', 'minuteReference:maxLength']);
      expect(
        roundEventViolations({ type: 'RECORD_DECISION', outcome: 'returned', body: '  ', minuteReference: '' } as RoundEventInput, '2025-05-07'),
      ).toEqual([
        { field: 'reason', rule: 'requiredWhenReturned', message: 'Skriv varför planen återremitterades' },
        { field: 'decidedOn', rule: 'isNotEmpty', message: 'Ange beslutsdatum' },
        { field: 'body', rule: 'isNotEmpty', message: 'Ange vem som fattade beslutet, till exempel Kommunstyrelsen' },
        { field: 'minuteReference', rule: 'isNotEmpty', message: 'Ange paragrafen i protokollet (§)' },
      ]);
      // the date, the body and the § belong to the decision only
      expect(rules({ type: 'SUBMIT_FOR_DECISION', ...decided })).toEqual(['decidedOn:onlyForRecordDecision', 'body:onlyForRecordDecision', 'minuteReference:onlyForRecordDecision']);
    });

    it('takes a reason of at most 4000 characters, and reports every violation at once', () => {
      expect(rules({ type: 'CANCEL', reason: 'x'.repeat(ROUND_LIMITS.reason) })).toEqual([]);
      expect(rules({ type: 'CANCEL', reason: 'x'.repeat(4001) })).toEqual(['reason:maxLength']);
      expect(rules({ type: 'SEND_FOR_CONSULTATION', force: true, reason: 'x'.repeat(4001), outcome: 'adopted' })).toEqual([
        'force:forcibleEvent',
        'reason:maxLength',
        'outcome:onlyForRecordDecision',
      ]);
    });
  });

  it('throws VALIDATION_FAILED carrying every violation, and nothing when there is none', () => {
    const violations = createRoundViolations({ ...valid, title: '', year: 1999 }, today);
    expect(() => assertNoViolations([])).not.toThrow();
    let thrown: unknown;
    try {
      assertNoViolations(violations);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CommonError);
    expect(thrown).toMatchObject({ code: CommonErrorCode.VALIDATION_FAILED, message: 'Ogiltiga uppgifter: title, year', details: violations });
  });
});
