import type { PlanDocument, PlanItem } from '../plan.model';
import { answersIn } from './plan-needs-coverage.service';

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
