import { buildStartPage, taskItem } from './start.presenter';

describe('start page presenter: tasks', () => {
  it('shows a task with its deadline in Swedish, marked when overdue', () => {
    expect(taskItem({ kind: 'needs.hand_in', title: 'Lämna in behoven', dueOn: '2026-04-30', overdue: false, href: '/planomgangar/r/behov/d' })).toEqual({
      href: '/planomgangar/r/behov/d',
      title: 'Lämna in behoven',
      due: 'Senast 30 april 2026',
      overdue: null,
    });
    expect(taskItem({ kind: 'needs.hand_in', title: 'Lämna in behoven', dueOn: '2026-04-30', overdue: true, href: '/' }).overdue).toMatchObject({ text: 'Försenad' });
    expect(taskItem({ kind: 'coverage.gaps', title: 'Luckor', dueOn: null, overdue: false, href: '/forvaltningar' })).toMatchObject({ due: null, overdue: null });
  });

  it('keeps the tasks in the order they came (the composer sorts them)', () => {
    const model = buildStartPage({
      tasks: [
        { kind: 'a', title: 'Först', dueOn: '2027-01-01', overdue: false, href: '/1' },
        { kind: 'b', title: 'Sedan', dueOn: null, overdue: false, href: '/2' },
      ],
      overview: null,
      ownAssignments: [],
      departments: [],
      committees: [],
      mayViewDepartment: () => false,
    });
    expect(model.tasks.map((t) => t.title)).toEqual(['Först', 'Sedan']);
  });
});
