import { DEPARTMENT, OTHER_DEPARTMENT, principalsFor } from '../../../../test/support/principals';
import { mayReadPlanDraft } from './plan-access.policy';
import { mayMarkSummaryRead, mayReadDepartmentSummary } from './responsibility-access.policy';

const callers = principalsFor({ department: DEPARTMENT, committee: 'committee-a' }, { department: OTHER_DEPARTMENT, committee: 'committee-b' });
type Caller = keyof typeof callers;
const allowed = (decide: (p: (typeof callers)[Caller]) => boolean): Caller[] => (Object.keys(callers) as Caller[]).filter((c) => decide(callers[c]));

describe('responsibility access policy', () => {
  it('lets strategists and admins read the draft', () => {
    expect(allowed(mayReadPlanDraft)).toEqual(['admin', 'strategist']);
  });

  it("lets strategists, admins and the department's own management and coordinators read its summary; never another department's", () => {
    expect(allowed((p) => mayReadDepartmentSummary(p, DEPARTMENT))).toEqual(['admin', 'strategist', 'coordinator-own', 'management-own']);
  });

  it("lets only the department's own people mark its summary read", () => {
    expect(allowed((p) => mayMarkSummaryRead(p, DEPARTMENT))).toEqual(['coordinator-own', 'management-own']);
  });
});
