import { compareTasks, composeTasks, isOverdue, TaskDraft } from './task';

const draft = (title: string, dueOn: string | null): TaskDraft => ({ kind: 'test', title, dueOn, href: '/' });

describe('tasks', () => {
  describe(isOverdue.name, () => {
    it('is overdue only from the day after the deadline', () => {
      expect(isOverdue('2026-03-31', '2026-03-30')).toBe(false);
      expect(isOverdue('2026-03-31', '2026-03-31')).toBe(false);
      expect(isOverdue('2026-03-31', '2026-04-01')).toBe(true);
      expect(isOverdue('2025-12-31', '2026-01-01')).toBe(true);
    });

    it('is never overdue without a deadline', () => {
      expect(isOverdue(null, '2099-01-01')).toBe(false);
    });
  });

  describe(compareTasks.name, () => {
    it('puts the newest deadline first, tasks without one last, and orders ties by title the Swedish way', () => {
      const sorted = [draft('Ö', null), draft('B', '2026-01-01'), draft('Å', '2026-06-01'), draft('Z', '2026-06-01'), draft('A', null), draft('C', '2027-01-01')].sort(compareTasks);
      expect(sorted.map((t) => t.title)).toEqual(['C', 'Z', 'Å', 'B', 'A', 'Ö']);
    });
  });

  describe(composeTasks.name, () => {
    it('judges each task against today and sorts the lot', () => {
      expect(composeTasks([draft('Sen', '2026-03-01'), draft('Ingen', null), draft('I tid', '2026-03-02')], '2026-03-02')).toEqual([
        { kind: 'test', title: 'I tid', dueOn: '2026-03-02', href: '/', overdue: false },
        { kind: 'test', title: 'Sen', dueOn: '2026-03-01', href: '/', overdue: true },
        { kind: 'test', title: 'Ingen', dueOn: null, href: '/', overdue: false },
      ]);
    });
  });
});
