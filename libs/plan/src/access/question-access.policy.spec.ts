import { DEPARTMENT, OTHER_DEPARTMENT, principal } from '../../../../test/support/principals';
import { mayEditPlan, mayReadPlanDraft } from './plan-access.policy';
import { mayAskFor, mayReadQuestionsOf, questionReadScope } from './question-access.policy';

describe('question access policy', () => {
  // [caller, edits the plan, reads the draft, asks for A, reads A's questions, scope]
  it.each<[string, Parameters<typeof principal>[0], boolean, boolean, boolean, boolean, string[] | undefined]>([
    ['admin', { admin: true }, false, true, false, true, undefined],
    ['strategist', { strategist: true }, true, true, false, true, undefined],
    ['coordinator-own', { coordinator: [DEPARTMENT] }, false, false, true, true, [DEPARTMENT]],
    ['coordinator-other', { coordinator: [OTHER_DEPARTMENT] }, false, false, false, false, [OTHER_DEPARTMENT]],
    ['management-own', { management: [DEPARTMENT] }, false, false, true, true, [DEPARTMENT]],
    ['management-other', { management: [OTHER_DEPARTMENT] }, false, false, false, false, [OTHER_DEPARTMENT]],
    ['secretary', { committeeSecretary: ['committee-a'] }, false, false, false, false, []],
    ['nobody', {}, false, false, false, false, []],
  ])('%s', (_name, reach, edits, readsDraft, asks, readsQuestions, scope) => {
    const p = principal(reach);
    expect(mayEditPlan(p)).toBe(edits);
    expect(mayReadPlanDraft(p)).toBe(readsDraft);
    expect(mayAskFor(p, DEPARTMENT)).toBe(asks);
    expect(mayReadQuestionsOf(p, DEPARTMENT)).toBe(readsQuestions);
    expect(questionReadScope(p)).toEqual(scope);
  });

  it('finds no department in a missing id, and names a department once for someone both managing and coordinating it', () => {
    expect(mayAskFor(principal({ coordinator: [DEPARTMENT] }), null)).toBe(false);
    expect(questionReadScope(principal({ coordinator: [DEPARTMENT], management: [DEPARTMENT] }))).toEqual([DEPARTMENT]);
  });
});
