import { principal } from '../../../../test/support/principals';
import { mayReadOverview, overviewScope } from './overview-access.policy';

describe('overview access', () => {
  it('gives strategists the whole city, coordinators and managers their departments, and nobody else anything', () => {
    expect(overviewScope(principal({ strategist: true, coordinator: ['a'] }))).toEqual({ all: true, departmentIds: [] });
    expect(overviewScope(principal({ coordinator: ['b', 'a'], management: ['a', 'c'] }))).toEqual({ all: false, departmentIds: ['a', 'b', 'c'] });
    expect(overviewScope(principal({ management: ['c'] }))).toEqual({ all: false, departmentIds: ['c'] });
    expect(overviewScope(principal({ admin: true }))).toBeNull();
    expect(overviewScope(principal({ committeeSecretary: ['x'] }))).toBeNull();
    expect(mayReadOverview(principal())).toBe(false);
  });
});
