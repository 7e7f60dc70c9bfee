import type { PlanDocument, PlanItem } from '../plan.model';
import { answersIn, sortCoverage } from './plan-needs-coverage.service';

const item = (id: string, code: string, needs: Array<{ id: string; departmentId: string }>): PlanItem =>
  ({ id, code, title: `Insats ${code}`, needs: needs.map((n) => ({ ...n, title: 'Behov', departmentName: 'F', areaCode: 'LOKAL_SERVICE' })), responsibilities: [] }) as unknown as PlanItem;

describe(answersIn.name, () => {
  const version = {
    areas: [
      { code: 'LOKAL_SERVICE', items: [item('i1', 'LS-1', [{ id: 'n1', departmentId: 'd1' }]), item('i2', 'LS-2', [{ id: 'n1', departmentId: 'd1' }, { id: 'n9', departmentId: 'd2' }])] },
    ],
    deferrals: [{ needId: 'n2', reason: 'Nästa år' }],
  } as unknown as PlanDocument;

  it("names every item answering each of the department's needs, and the deferred needs' reasons", () => {
    const answers = answersIn(version, 'd1');
    expect(answers.get('n1')).toEqual({ kind: 'answered', items: [{ id: 'i1', code: 'LS-1', title: 'Insats LS-1' }, { id: 'i2', code: 'LS-2', title: 'Insats LS-2' }] });
    expect(answers.get('n2')).toEqual({ kind: 'deferred', reason: 'Nästa år' });
    expect(answers.has('n9')).toBe(false);
  });
});

describe(sortCoverage.name, () => {
  it('counts a need answered by an item as answered even with a deferral left behind', () => {
    const row = (needId: string, items: number, deferred: boolean) => ({
      needId,
      title: needId,
      areaCode: 'A',
      priority: 'high' as const,
      departmentId: 'd',
      departmentName: 'D',
      items: Array.from({ length: items }, (_, i) => ({ id: `i${i}`, code: `A-${i}`, title: 'T' })),
      deferral: deferred ? { reason: 'R', deferredBy: null, deferredAt: new Date(0) } : null,
    });
    const sorted = sortCoverage('r', [row('a', 1, true), row('b', 0, true), row('c', 0, false)]);
    expect([sorted.answered, sorted.deferred, sorted.unanswered].map((l) => l.map((r) => r.needId))).toEqual([['a'], ['b'], ['c']]);
    expect(sorted.counts).toEqual({ total: 3, unanswered: 1, deferred: 1, answered: 1 });
  });
});
