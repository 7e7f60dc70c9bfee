import { acknowledgeTask, coverageGapsTask, lacksCoordinatorTask } from './organisation-tasks';

describe('organisation tasks', () => {
  it('an assignment is acknowledged at its own page', () => {
    expect(acknowledgeTask({ assignmentId: 'a1', kind: 'primary', departmentId: 'd1', departmentName: 'Kulturförvaltningen', committeeId: 'c1', validFrom: '2026-01-01' })).toEqual({
      kind: 'assignment.acknowledge',
      title: 'Bekräfta ditt uppdrag som samordnare för Kulturförvaltningen',
      dueOn: null,
      href: '/forvaltningar/d1/uppdrag/a1/bekrafta',
      departmentId: 'd1',
      committeeId: 'c1',
    });
  });

  it('a department without a coordinator leads to its page', () => {
    expect(lacksCoordinatorTask({ departmentId: 'd1', departmentName: 'Kulturförvaltningen', committeeId: 'c1' })).toMatchObject({ href: '/forvaltningar/d1', title: 'Kulturförvaltningen saknar samordnare: se till att förvaltningen utser en' });
  });

  it('coverage gaps are one task, in singular or plural, and none without a gap', () => {
    expect(coverageGapsTask({ withoutCoordinator: 0, unacknowledged: 0 })).toEqual([]);
    expect(coverageGapsTask({ withoutCoordinator: 1, unacknowledged: 0 }).map((t) => t.title)).toEqual(['Luckor i samordnarnätet: 1 förvaltning saknar samordnare']);
    expect(coverageGapsTask({ withoutCoordinator: 2, unacknowledged: 1 }).map((t) => t.title)).toEqual(['Luckor i samordnarnätet: 2 förvaltningar saknar samordnare och 1 uppdrag är inte bekräftat']);
    expect(coverageGapsTask({ withoutCoordinator: 0, unacknowledged: 3 })).toEqual([{ kind: 'coverage.gaps', title: 'Luckor i samordnarnätet: 3 uppdrag är inte bekräftade', dueOn: null, href: '/forvaltningar' }]);
  });
});
