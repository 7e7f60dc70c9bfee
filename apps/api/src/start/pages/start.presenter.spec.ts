import { buildStartPage, START_PAGE_COVERAGE_ITEMS, taskItem } from './start.presenter';

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

describe('start page presenter: the coverage summary', () => {
  const gap = (i: number) => ({ departmentId: `d${i}`, code: `F${i}`, name: `Förvaltning ${i}`, nextPrimaryFrom: null, since: '2026-01-01' });
  const overview = (shownGaps: number, totalGaps: number) =>
    buildStartPage({
      tasks: [],
      overview: {
        activeDepartments: 400,
        coverage: {
          date: '2026-03-02',
          withoutPrimary: Array.from({ length: shownGaps }, (_, i) => gap(i)),
          unacknowledged: [],
          endingSoon: [],
          totals: { withoutPrimary: totalGaps, unacknowledged: 0, endingSoon: 0 },
          endingWithinDays: 30,
        },
      },
      ownAssignments: [],
      departments: [],
      committees: [],
      mayViewDepartment: () => false,
    }).overview!.figures[0];

  it('counts the whole section, lists the page it was given and says so when the section holds more', () => {
    const many = overview(START_PAGE_COVERAGE_ITEMS, 85);
    expect(many).toMatchObject({ count: 85, warning: true, shown: `Visar de ${START_PAGE_COVERAGE_ITEMS} första av 85.` });
    expect(many.items).toHaveLength(START_PAGE_COVERAGE_ITEMS);
    expect(many.list).toEqual({ href: '/forvaltningar?status=saknar', text: expect.any(String) });
    expect(overview(3, 3)).toMatchObject({ count: 3, shown: null });
    expect(overview(0, 0)).toMatchObject({ count: 0, warning: false, shown: null, items: [] });
  });
});
