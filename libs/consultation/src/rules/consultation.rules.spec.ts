import { extensionApprovalViolations, extensionDeclineViolations, extensionRequestViolations, prepareReferenceViolations, prepareShapeViolations } from './consultation.rules';

const today = '2026-03-02';
const input = { planVersion: 1, replyBy: '2026-04-30', coverLetter: 'Planen på remiss.' };
const refs = {
  today,
  frozenVersions: [1, 2],
  committees: [
    { id: 'k1', active: true },
    { id: 'k2', active: false },
  ],
  areaCodes: ['LOKAL_SERVICE'],
  contactPersonExists: true,
};
const fields = (violations: Array<{ field: string; rule: string }>) => violations.map((v) => `${v.field}:${v.rule}`);

describe(prepareShapeViolations.name, () => {
  it('accepts a remiss with a reply date after today and a cover letter', () => {
    expect(prepareShapeViolations(input, today)).toEqual([]);
  });
  it('names every problem at once: the reply date not after today, no cover letter, an empty question, no committee chosen', () => {
    expect(fields(prepareShapeViolations({ ...input, replyBy: today, coverLetter: ' ', committeeIds: [], questions: [{ text: 'Fråga' }, { text: '' }] }, today))).toEqual([
      'replyBy:afterToday',
      'coverLetter:isNotEmpty',
      'committeeIds:arrayNotEmpty',
      'questions[1].text:isNotEmpty',
    ]);
    expect(prepareShapeViolations({ ...input, replyBy: '2999-01-01' }, today)).toEqual([expect.objectContaining({ field: 'replyBy', rule: 'dateRange' })]);
  });
});

describe(prepareReferenceViolations.name, () => {
  it('checks the version, the committees, the contact person and the areas, every one at once', () => {
    expect(prepareReferenceViolations({ ...input, committeeIds: ['k1'], questions: [{ areaCode: 'LOKAL_SERVICE', text: 'x' }, { text: 'y' }] }, refs)).toEqual([]);
    expect(
      fields(prepareReferenceViolations({ ...input, planVersion: 3, committeeIds: ['k2'], contactPersonId: 'p', questions: [{ areaCode: 'NOPE', text: 'x' }] }, { ...refs, contactPersonExists: false })),
    ).toEqual(['planVersion:frozenVersion', 'committeeIds:active', 'contactPersonId:exists', 'questions[0].areaCode:roundArea']);
    expect(prepareReferenceViolations({ ...input, committeeIds: ['k9'] }, refs)).toEqual([{ field: 'committeeIds', rule: 'exists', message: 'En vald nämnd finns inte' }]);
    expect(prepareReferenceViolations(input, { ...refs, frozenVersions: [] })).toEqual([
      { field: 'planVersion', rule: 'frozenVersion', message: 'Planen har ingen låst version att skicka på remiss' },
    ]);
  });
});

describe('extension rules', () => {
  it('asks for a date after the current reply date, with a reason', () => {
    expect(extensionRequestViolations({ requestedReplyBy: '2026-05-01', reason: 'Sammanträde i maj' }, '2026-04-30')).toEqual([]);
    expect(fields(extensionRequestViolations({ requestedReplyBy: '2026-04-30', reason: '' }, '2026-04-30'))).toEqual(['requestedReplyBy:afterReplyBy', 'reason:isNotEmpty']);
  });
  it('approves with no date or a later one, and declines with a reason', () => {
    expect(extensionApprovalViolations(undefined, '2026-04-30')).toEqual([]);
    expect(fields(extensionApprovalViolations('2026-04-01', '2026-04-30'))).toEqual(['replyBy:afterReplyBy']);
    expect(fields(extensionDeclineViolations({ reason: '  ' }))).toEqual(['reason:isNotEmpty']);
  });
});
