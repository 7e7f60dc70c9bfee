import type { FollowUpViewRows, RollUpRow } from '../repositories/follow-up-view.repository';
import { workingDaysBetween } from '@samverka/kernel';
import { assembleFollowUpView, rollUpOf, workingDaysLate } from './follow-up-view.assembler';

const counts = (values: Partial<RollUpRow['counts']> = {}): RollUpRow['counts'] => ({ not_started: 0, on_track: 0, at_risk: 0, delayed: 0, done: 0, cancelled: 0, not_reported: 0, ...values });
const rollUpRow = (values: Partial<RollUpRow> = {}): RollUpRow => ({ weighted_progress: 34, covered_effort: 500, total_effort: 700, reported: 4, not_reported: 1, counts: counts({ on_track: 4, not_reported: 1 }), ...values });

describe('the follow-up view assembler', () => {
  describe(rollUpOf.name, () => {
    it('says what share of the effort the weighted figure covers, in percent with one decimal', () => {
      expect(rollUpOf(rollUpRow())).toEqual({
        weightedProgress: 34,
        coveredEffortHours: 500,
        totalEffortHours: 700,
        effortCoverage: 71.4,
        reported: 4,
        notReported: 1,
        statusCounts: counts({ on_track: 4, not_reported: 1 }),
      });
    });

    it('has no coverage without any estimate, and no figure when nothing with an estimate is reported', () => {
      expect(rollUpOf(rollUpRow({ weighted_progress: null, covered_effort: 0, total_effort: 0 }))).toMatchObject({ weightedProgress: null, effortCoverage: null });
      expect(rollUpOf(rollUpRow({ weighted_progress: null, covered_effort: 0, total_effort: 200 }))).toMatchObject({ weightedProgress: null, effortCoverage: 0 });
    });

    it('is empty for no row at all (an organisation without obligations)', () => {
      expect(rollUpOf(null)).toEqual({ weightedProgress: null, coveredEffortHours: 0, totalEffortHours: 0, effortCoverage: null, reported: 0, notReported: 0, statusCounts: counts() });
    });
  });

  describe(workingDaysLate.name, () => {
    it('counts Swedish working days after the due date, none on or before it', () => {
      expect(workingDaysLate('2026-02-16', '2026-02-16')).toBe(0);
      expect(workingDaysLate('2026-02-16', '2026-02-10')).toBe(0);
      expect(workingDaysLate('2026-02-16', '2026-03-02')).toBe(10);
      // Friday before Easter to the Tuesday after: långfredagen and annandag påsk are holidays.
      expect(workingDaysLate('2026-04-02', '2026-04-07')).toBe(1);
    });

    it("counts across years as the kernel's workingDaysBetween does, without walking every day", () => {
      const pairs: Array<[string, string]> = [['2025-12-30', '2026-01-02'], ['2019-06-20', '2026-11-30'], ['2024-12-31', '2025-12-31'], ['2025-01-01', '2026-01-01']];
      expect(pairs.map(([a, b]) => workingDaysLate(a, b))).toEqual(pairs.map(([a, b]) => workingDaysBetween(a, b)));
    });
  });

  describe(assembleFollowUpView.name, () => {
    const rows: FollowUpViewRows = {
      round: { id: 'r', title: 'Utvecklingsplan 2026', year: 2026, state: 'followUp', areas: [{ code: 'A1', name: 'Tillgänglighet' }, { code: 'A2', name: 'Lokal service' }] },
      selected_period_id: 'p1',
      periods: [
        { id: 'p1', label: 'T1', due_on: '2026-02-16', position: 0 },
        { id: 'p2', label: 'T2', due_on: '2026-06-15', position: 1 },
      ],
      items: [
        {
          item_id: 'i1',
          code: 'LS-1',
          area_code: 'A2',
          title: 'Vägledning',
          effort_hours: 100,
          progress: 50,
          status: 'on_track',
          organisations: [{ department_id: 'd1', name: 'Förskoleförvaltningen', status: 'on_track', progress: 50, revision: 2, comment: 'Bra', reported_at: '2026-02-10T09:00:00+00:00', reported_by: 'Annika' }],
        },
      ],
      plan: rollUpRow(),
      areas: [{ ...rollUpRow(), area_code: 'A2' }, { ...rollUpRow({ weighted_progress: null }), area_code: 'A1' }],
      organisations: [{ ...rollUpRow(), department_id: null, name: 'Kontaktcenter', obligations: 3, reported_obligations: 1, overdue: 2 }],
      overdue: [{ department_id: null, name: 'Kontaktcenter', item_id: 'i2', code: 'TG-1', title: 'Ingång', period_id: 'p1', label: 'T1', due_on: '2026-02-16' }],
      chart: [{ period_id: 'p1', label: 'T1', due_on: '2026-02-16', counts: counts({ on_track: 1 }) }],
    };
    const view = assembleFollowUpView(rows, '2026-03-02');

    it('marks the selected period and which periods are due', () => {
      expect(view.plan.period).toEqual({ id: 'p1', label: 'T1', dueOn: '2026-02-16', position: 0, due: true });
      expect(view.periods.map((p) => p.due)).toEqual([true, false]);
    });

    it("orders the areas as the round does and names them", () => {
      expect(view.areas.map((a) => [a.code, a.name])).toEqual([['A1', 'Tillgänglighet'], ['A2', 'Lokal service']]);
    });

    it('names organisations, and gives what is overdue its first late day and working days late', () => {
      expect(view.items[0].organisations[0]).toMatchObject({ organisation: { kind: 'department', departmentId: 'd1' }, reportedAt: '2026-02-10T09:00:00.000Z' });
      expect(view.departments[0]).toMatchObject({ organisation: { kind: 'contactCentre' }, obligations: 3, reported: 1, missing: 2, overdue: 2 });
      expect(view.overdue[0]).toMatchObject({ organisation: { kind: 'contactCentre' }, lateSince: '2026-02-17', workingDaysLate: 10 });
    });
  });
});
