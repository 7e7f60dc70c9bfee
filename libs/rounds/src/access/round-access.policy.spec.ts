import { COMMITTEE, DEPARTMENT, OTHER_COMMITTEE, OTHER_DEPARTMENT, principal, PrincipalName, PRINCIPALS } from '../../../../test/support/principals';
import { maySteerRounds, roundReadScope } from './round-access.policy';

describe('round access policy', () => {
  it.each<[PrincipalName, { all: boolean; departmentIds: string[]; committeeIds: string[] }, boolean]>([
    ['admin', { all: true, departmentIds: [], committeeIds: [] }, false],
    ['strategist', { all: true, departmentIds: [], committeeIds: [] }, true],
    ['coordinator-own', { all: false, departmentIds: [DEPARTMENT], committeeIds: [] }, false],
    ['coordinator-other', { all: false, departmentIds: [OTHER_DEPARTMENT], committeeIds: [] }, false],
    ['management-own', { all: false, departmentIds: [DEPARTMENT], committeeIds: [] }, false],
    ['management-other', { all: false, departmentIds: [OTHER_DEPARTMENT], committeeIds: [] }, false],
    ['secretary-own', { all: false, departmentIds: [], committeeIds: [COMMITTEE] }, false],
    ['secretary-other', { all: false, departmentIds: [], committeeIds: [OTHER_COMMITTEE] }, false],
    ['nobody', { all: false, departmentIds: [], committeeIds: [] }, false],
  ])('%s reads the rounds of %j and steers: %s', (caller, scope, steers) => {
    expect(roundReadScope(PRINCIPALS[caller])).toEqual(scope);
    expect(maySteerRounds(PRINCIPALS[caller])).toBe(steers);
  });

  it('reads through every department a person coordinates or manages, each once, and every committee they are secretary of', () => {
    const p = principal({ coordinator: [DEPARTMENT, OTHER_DEPARTMENT], management: [DEPARTMENT], committeeSecretary: [COMMITTEE, OTHER_COMMITTEE] });
    const scope = roundReadScope(p);
    expect(scope.all).toBe(false);
    expect([...scope.departmentIds].sort()).toEqual([DEPARTMENT, OTHER_DEPARTMENT]);
    expect(scope.committeeIds).toEqual([COMMITTEE, OTHER_COMMITTEE]);
  });
});
