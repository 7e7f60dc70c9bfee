import { COMMITTEE, DEPARTMENT, PERSON, principal, PrincipalName, PRINCIPALS } from '../../../../test/support/principals';
import { actsForCommittee, actsForDepartment, isPerson, mayAdministerCoordinators, mayViewDepartment, seesAllDepartments } from './organisation-access.policy';

describe('organisation access policy', () => {
  // Department A serves committee A; every caller is asked about A.
  it.each<[PrincipalName, boolean, boolean, boolean, boolean, boolean, boolean, boolean]>([
    ['admin', true, true, false, false, false, false, true],
    ['strategist', true, true, false, false, false, false, false],
    ['coordinator-own', false, true, true, false, true, false, false],
    ['coordinator-other', false, false, false, false, false, false, false],
    ['management-own', false, true, false, true, true, false, false],
    ['management-other', false, false, false, false, false, false, false],
    ['secretary-own', false, false, false, false, false, true, false],
    ['secretary-other', false, false, false, false, false, false, false],
    ['nobody', false, false, false, false, false, false, false],
  ])('%s: sees every department %s, views A %s, coordinates A %s, manages A %s, acts for A %s, secretary of committee A %s, administers coordinators %s', (caller, all, view, coordinates, manages, either, secretary, administers) => {
    const p = PRINCIPALS[caller];
    expect(mayAdministerCoordinators(p)).toBe(administers);
    expect(seesAllDepartments(p)).toBe(all);
    expect(mayViewDepartment(p, DEPARTMENT)).toBe(view);
    expect(actsForDepartment(p, ['coordinator'], DEPARTMENT)).toBe(coordinates);
    expect(actsForDepartment(p, ['management'], DEPARTMENT)).toBe(manages);
    expect(actsForDepartment(p, ['coordinator', 'management'], DEPARTMENT)).toBe(either);
    expect(actsForCommittee(p, COMMITTEE)).toBe(secretary);
  });

  it('finds no department or committee in a missing id, nor in an empty list of roles', () => {
    const everything = principal({ admin: true, strategist: true, coordinator: [DEPARTMENT], management: [DEPARTMENT], committeeSecretary: [COMMITTEE] });
    expect(actsForDepartment(everything, ['coordinator', 'management'], null)).toBe(false);
    expect(actsForDepartment(everything, ['coordinator', 'management'], undefined)).toBe(false);
    expect(actsForDepartment(everything, [], DEPARTMENT)).toBe(false);
    expect(actsForCommittee(everything, null)).toBe(false);
    expect(actsForCommittee(everything, '')).toBe(false);
  });

  it('knows the person acting for themselves, and no one else (an admin included)', () => {
    expect(isPerson(principal(), PERSON)).toBe(true);
    expect(isPerson(principal(), 'person-other')).toBe(false);
    expect(isPerson(PRINCIPALS.admin, 'person-other')).toBe(false);
    expect(isPerson(principal(), null)).toBe(false);
  });
});
