import { RESPONSE_LIMITS, responseViolations } from './response.rules';

const TODAY = '2026-03-02';
const valid = {
  stance: 'approve_with_remarks' as const,
  summary: 'Positiv med tillägg',
  text: '  Kulturnimnden foreslar kontaktcenter att\n\no Overviga  ',
  adoptedOn: '2026-03-02',
  minuteReference: '§ 31',
  signatories: ['Janne Grönholm'],
};
const fields = (v: ReturnType<typeof responseViolations>) => v.map((x) => `${x.field}:${x.rule}`);

describe(responseViolations.name, () => {
  it('accepts a complete response adopted today, whatever the text holds', () => {
    expect(responseViolations(valid, TODAY, true)).toEqual([]);
  });

  it('reports every missing required field of a submission at once, in Swedish', () => {
    const v = responseViolations({}, TODAY, true);
    expect(fields(v)).toEqual(['stance:isNotEmpty', 'summary:isNotEmpty', 'text:isNotEmpty', 'adoptedOn:isNotEmpty', 'minuteReference:isNotEmpty', 'signatories:arrayNotEmpty']);
    expect(v.find((x) => x.field === 'signatories')?.message).toBe('Ange minst en undertecknare (utom när nämnden avstår från att yttra sig)');
  });

  it('lets a committee that declines respond without signatories', () => {
    expect(responseViolations({ ...valid, stance: 'decline', signatories: [] }, TODAY, true)).toEqual([]);
    expect(fields(responseViolations({ ...valid, signatories: ['  '] }, TODAY, true))).toEqual(['signatories[0]:isNotEmpty', 'signatories:arrayNotEmpty']);
  });

  it('refuses an adopting meeting tomorrow, a date that is no date, and an unknown stance', () => {
    expect(fields(responseViolations({ ...valid, adoptedOn: '2026-03-03' }, TODAY, true))).toEqual(['adoptedOn:notInFuture']);
    expect(fields(responseViolations({ ...valid, adoptedOn: '2026-02-30' }, TODAY, true))).toEqual(['adoptedOn:isDate']);
    expect(fields(responseViolations({ ...valid, stance: 'yes' as never }, TODAY, true))).toEqual(['stance:isIn']);
  });

  it('checks the limits at their boundaries', () => {
    expect(responseViolations({ ...valid, text: 'x'.repeat(RESPONSE_LIMITS.text) }, TODAY, true)).toEqual([]);
    expect(fields(responseViolations({ ...valid, text: 'x'.repeat(RESPONSE_LIMITS.text + 1) }, TODAY, true))).toEqual(['text:maxLength']);
    expect(responseViolations({ ...valid, proposals: Array.from({ length: RESPONSE_LIMITS.proposals }, () => ({ text: 'F' })) }, TODAY, true)).toEqual([]);
    expect(fields(responseViolations({ ...valid, proposals: Array.from({ length: RESPONSE_LIMITS.proposals + 1 }, () => ({ text: 'F' })) }, TODAY, true))).toEqual(['proposals:arrayMaxSize']);
  });

  it('refuses an empty proposal, two comments on one area and two answers to one question', () => {
    const q = '00000000-0000-4000-8000-000000000001';
    expect(
      fields(
        responseViolations(
          {
            ...valid,
            proposals: [{ text: 'Ett' }, { text: ' ' }],
            areaComments: [
              { areaCode: 'LOKAL_SERVICE', comment: 'a' },
              { areaCode: 'lokal_service', comment: 'b' },
            ],
            answers: [
              { questionId: q, answer: 'a' },
              { questionId: q, answer: 'b' },
            ],
          },
          TODAY,
          true,
        ),
      ),
    ).toEqual(['areaComments[1].areaCode:unique', 'answers[1].questionId:unique', 'proposals[1].text:isNotEmpty']);
  });

  it('checks only the fields a draft holds', () => {
    expect(responseViolations({ summary: 'Utkast' }, TODAY, false)).toEqual([]);
    expect(responseViolations({ summary: '', text: '' }, TODAY, false)).toEqual([]);
    expect(fields(responseViolations({ adoptedOn: '2027-01-01' }, TODAY, false))).toEqual(['adoptedOn:notInFuture']);
  });
});
