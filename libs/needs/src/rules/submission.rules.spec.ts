import { nothingToReportViolations, returnCommentViolations, SUBMISSION_TEXT_MAX } from './submission.rules';

describe('submission rules', () => {
  it.each([
    [nothingToReportViolations.name, nothingToReportViolations, 'reason', 'Skriv varför förvaltningen inte har något att rapportera'],
    [returnCommentViolations.name, returnCommentViolations, 'comment', 'Skriv vad som behöver göras innan behoven lämnas in igen'],
  ] as const)('%s: required, at most the maximum', (_name, rules, field, required) => {
    for (const missing of ['', '  ', null, undefined]) expect(rules(missing)).toEqual([{ field, rule: 'isNotEmpty', message: required }]);
    expect(rules('x'.repeat(SUBMISSION_TEXT_MAX))).toEqual([]);
    expect(rules('x'.repeat(SUBMISSION_TEXT_MAX + 1))).toEqual([{ field, rule: 'maxLength', message: 'Texten får vara högst 4 000 tecken' }]);
  });
});
