import { createPlanItemViolations, PLAN_ITEM_CODE_PATTERN, PLAN_LIMITS, planItemViolations, planTextsViolations, responsibilitiesViolations, startPlanViolations, termPeriod } from './plan.rules';

const rulesOf = (violations: Array<{ field: string; rule: string }>) => violations.map((v) => `${v.field}:${v.rule}`);
const item = { areaCode: 'LOKAL_SERVICE', title: 'Vägledning', description: 'Bibliotekarier vägleder.' };

describe(termPeriod.name, () => {
  it('reads dates, years, terms and quarters as the days they cover', () => {
    expect(termPeriod('2027-03-01')).toEqual({ from: '2027-03-01', to: '2027-03-01' });
    expect(termPeriod('2027')).toEqual({ from: '2027-01-01', to: '2027-12-31' });
    expect(termPeriod('2027 T1')).toEqual({ from: '2027-01-01', to: '2027-04-30' });
    expect(termPeriod('2027 T3')).toEqual({ from: '2027-09-01', to: '2027-12-31' });
    expect(termPeriod('2028 Q1')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(termPeriod('2027 Q4')).toEqual({ from: '2027-10-01', to: '2027-12-31' });
  });

  it('refuses what is no term', () => {
    for (const bad of ['2027 T4', '2027 Q5', '2027-02-30', '2027-13-01', '27', '2027T1', '1999', 'våren 2027', '2027 t1']) expect(termPeriod(bad)).toBeNull();
  });
});

describe('plan rules', () => {
  it('accepts a complete item', () => {
    expect(createPlanItemViolations({ ...item, code: 'LS-3', startsOn: '2027 T1', endsOn: '2027 T1', status: 'planned', needIds: [] })).toEqual([]);
  });

  it('reports every broken rule of an item at once, in Swedish', () => {
    const violations = createPlanItemViolations({ areaCode: ' ', title: '', description: 'x'.repeat(PLAN_LIMITS.description + 1), code: 'LS3', startsOn: '2027 T9', indicator: 'x'.repeat(PLAN_LIMITS.indicator + 1) });
    expect(rulesOf(violations)).toEqual(['areaCode:isNotEmpty', 'title:isNotEmpty', 'description:maxLength', 'code:matches', 'indicator:maxLength', 'startsOn:term']);
    expect(violations.find((v) => v.field === 'code')!.message).toBe('Koden skrivs som områdets förkortning och ett nummer, t.ex. LS-3');
  });

  it('requires area, title and description only of a whole item (a change checks what it changes)', () => {
    expect(rulesOf(createPlanItemViolations({}))).toEqual(['areaCode:isNotEmpty', 'title:isNotEmpty', 'description:isNotEmpty']);
    expect(planItemViolations({ indicator: 'Antal besök' }, { complete: false })).toEqual([]);
  });

  it('refuses an end before the start, also against the stored start or end', () => {
    expect(rulesOf(planItemViolations({ startsOn: '2027 T2', endsOn: '2027-04-30' }, { complete: false }))).toEqual(['endsOn:notBeforeStart']);
    expect(planItemViolations({ startsOn: '2027 T2', endsOn: '2027-05-01' }, { complete: false })).toEqual([]);
    expect(rulesOf(planItemViolations({ endsOn: '2026' }, { complete: false, current: { startsOn: '2027 Q1', endsOn: null } }))).toEqual(['endsOn:notBeforeStart']);
    expect(rulesOf(planItemViolations({ startsOn: '2029' }, { complete: false, current: { startsOn: null, endsOn: '2028 T3' } }))).toEqual(['endsOn:notBeforeStart']);
    expect(planItemViolations({ endsOn: null }, { complete: false, current: { startsOn: '2029', endsOn: '2028' } })).toEqual([]);
  });

  it('knows the code pattern', () => {
    expect(PLAN_ITEM_CODE_PATTERN.test('LS-3')).toBe(true);
    expect(PLAN_ITEM_CODE_PATTERN.test('ÅÄÖABC-999')).toBe(true);
    for (const bad of ['LS-1000', 'ABCDEFG-1', 'ls-1', 'LS', '-1', 'L S-1']) expect(PLAN_ITEM_CODE_PATTERN.test(bad)).toBe(false);
  });

  it('checks how a plan starts and its texts', () => {
    expect(startPlanViolations({ startFrom: 'empty' })).toEqual([]);
    expect(rulesOf(startPlanViolations({}))).toEqual(['startFrom:isIn']);
    expect(rulesOf(planTextsViolations({ introduction: 'x'.repeat(PLAN_LIMITS.text + 1), areaIntroductions: [{ areaCode: 'LS', introduction: '' }, { areaCode: 'ls', introduction: '' }, { areaCode: '', introduction: '' }] }))).toEqual([
      'introduction:maxLength',
      'areaIntroductions[1].areaCode:unique',
      'areaIntroductions[2].areaCode:isNotEmpty',
    ]);
  });

  it('checks responsibilities entry by entry: one organisation each, once each, a known role, expectations for R and A, effort in range', () => {
    expect(responsibilitiesViolations({ responsibilities: [{ departmentId: 'd1', role: 'accountable', expectations: 'Leder.' }, { contactCentre: true, role: 'informed', expectations: '' }] })).toEqual([]);
    const violations = responsibilitiesViolations({
      responsibilities: [
        { departmentId: 'd1', contactCentre: true, role: 'accountable', expectations: 'x' },
        { role: 'consulted', expectations: '' },
        { departmentId: 'd2', role: 'responsible', expectations: ' ', effortHours: -1 },
        { departmentId: 'd2', role: 'boss' as never, expectations: '', effortHours: PLAN_LIMITS.effortHours + 1 },
        { contactCentre: true, role: 'informed', expectations: '' },
        { contactCentre: true, role: 'informed', expectations: '' },
      ],
    });
    expect(rulesOf(violations)).toEqual([
      'responsibilities[0].departmentId:exactlyOneOrganisation',
      'responsibilities[1].departmentId:exactlyOneOrganisation',
      'responsibilities[2].expectations:isNotEmpty',
      'responsibilities[2].effortHours:min',
      'responsibilities[3].departmentId:uniqueOrganisation',
      'responsibilities[3].role:isIn',
      'responsibilities[3].effortHours:max',
      'responsibilities[5].contactCentre:uniqueOrganisation',
    ]);
    expect(rulesOf(responsibilitiesViolations({}))).toEqual(['responsibilities:isArray']);
  });
});
