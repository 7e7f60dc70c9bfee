import { RoundReaderScope, roundReadScope } from '@samverka/rounds';
import { COMMITTEE, DEPARTMENT, OTHER_COMMITTEE, OTHER_DEPARTMENT, PrincipalName, PRINCIPALS } from '../../../../test/support/principals';
import { mayEndorseNeedsOf, mayReadNeedsOf, mayWriteNeedsOf, visibleDepartments } from './needs-access.policy';

/** A round in which department A (committee A) and department B (committee B) take part. */
const A = { departmentId: DEPARTMENT, committeeId: COMMITTEE };
const B = { departmentId: OTHER_DEPARTMENT, committeeId: OTHER_COMMITTEE };
const round = { participants: [A, B] };

describe('needs access policy', () => {
  // caller, reads A's needs, writes A's needs, endorses A's needs, the departments whose needs they list (undefined: every one)
  it.each<[PrincipalName, boolean, boolean, boolean, string[] | undefined]>([
    ['admin', true, false, false, undefined],
    ['strategist', true, false, false, undefined],
    ['coordinator-own', true, true, false, [DEPARTMENT]],
    ['coordinator-other', false, false, false, [OTHER_DEPARTMENT]],
    ['management-own', true, false, true, [DEPARTMENT]],
    ['management-other', false, false, false, [OTHER_DEPARTMENT]],
    ['secretary-own', true, false, false, [DEPARTMENT]],
    ['secretary-other', false, false, false, [OTHER_DEPARTMENT]],
    ['nobody', false, false, false, []],
  ])('%s: reads A %s, writes A %s, endorses A %s, lists %j', (caller, reads, writes, endorses, listed) => {
    const p = PRINCIPALS[caller];
    const scope = roundReadScope(p);
    expect(mayReadNeedsOf(scope, A)).toBe(reads);
    expect(mayWriteNeedsOf(p, DEPARTMENT)).toBe(writes);
    expect(mayEndorseNeedsOf(p, DEPARTMENT)).toBe(endorses);
    expect(visibleDepartments(round, scope)).toEqual(listed);
  });

  it('lists only departments taking part in the round, whatever else the reader acts for', () => {
    const scope: RoundReaderScope = { all: false, departmentIds: [DEPARTMENT, 'not-taking-part'], committeeIds: ['committee-not-taking-part'] };
    expect(visibleDepartments(round, scope)).toEqual([DEPARTMENT]);
    expect(visibleDepartments({ participants: [] }, scope)).toEqual([]);
  });

  it('lets a committee secretary read every department of the committee, by department or by committee alike', () => {
    const both = { departmentId: 'department-c', committeeId: COMMITTEE };
    const scope = roundReadScope(PRINCIPALS['secretary-own']);
    expect(visibleDepartments({ participants: [A, both, B] }, scope)).toEqual([DEPARTMENT, 'department-c']);
  });
});
