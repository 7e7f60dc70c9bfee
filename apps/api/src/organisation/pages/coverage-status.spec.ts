import { addDays } from '@samverka/kernel';
import { CoordinatorAssignmentEntity, DepartmentEntity } from '@samverka/organisation';
import { departmentCoverage } from './coverage-status';

const today = '2026-05-10';
const department = (active = true) => ({ id: 'd1', name: 'Kulturförvaltningen', active }) as DepartmentEntity;
let n = 0;
const assignment = (values: Partial<CoordinatorAssignmentEntity> & { name?: string }): CoordinatorAssignmentEntity =>
  ({
    id: `a${++n}`,
    departmentId: 'd1',
    kind: 'primary',
    validFrom: addDays(today, -100),
    validTo: null,
    acknowledgedAt: new Date('2026-01-01T10:00:00Z'),
    person: { name: values.name ?? `Person ${n}` },
    ...values,
  }) as CoordinatorAssignmentEntity;

describe('a department’s coverage', () => {
  it('is covered by an acknowledged primary valid today, with deputies listed', () => {
    const primary = assignment({ name: 'Elin Öberg' });
    const deputy = assignment({ kind: 'deputy', name: 'Ahmed Khalil' });
    const c = departmentCoverage(department(), [primary, deputy], today);
    expect(c.states).toEqual(['covered']);
    expect(c.tags.map((t) => t.text)).toEqual(['Samordnare finns']);
    expect(c.primary).toBe(primary);
    expect(c.deputies).toEqual([deputy]);
  });

  it('lacks a coordinator without a primary today, naming one who starts later', () => {
    expect(departmentCoverage(department(), [], today).states).toEqual(['missing']);
    const later = assignment({ validFrom: addDays(today, 3), name: 'Örjan Åström' });
    const c = departmentCoverage(department(), [later], today);
    expect(c.states).toEqual(['missing']);
    expect(c.nextPrimary).toBe(later);
    expect(c.explanation).toContain('Örjan Åström börjar');
    // a primary that ended yesterday does not count
    expect(departmentCoverage(department(), [assignment({ validTo: addDays(today, -1) })], today).states).toEqual(['missing']);
  });

  it('ends soon when today’s primary ends within 30 days and nobody takes over the day after', () => {
    const ending = assignment({ validTo: addDays(today, 30) });
    expect(departmentCoverage(department(), [ending], today).states).toEqual(['endingSoon']);
    expect(departmentCoverage(department(), [assignment({ validTo: addDays(today, 31) })], today).states).toEqual(['covered']);
    const successor = assignment({ validFrom: addDays(today, 31) });
    expect(departmentCoverage(department(), [ending, successor], today).states).toEqual(['covered']);
    const lateSuccessor = assignment({ validFrom: addDays(today, 33) });
    expect(departmentCoverage(department(), [ending, lateSuccessor], today).states).toEqual(['endingSoon']);
  });

  it('is unacknowledged while any current or scheduled assignment is, alongside other states', () => {
    const deputy = assignment({ kind: 'deputy', acknowledgedAt: null });
    expect(departmentCoverage(department(), [assignment({}), deputy], today).states).toEqual(['unacknowledged']);
    expect(departmentCoverage(department(), [assignment({ validFrom: addDays(today, 5), acknowledgedAt: null })], today).states).toEqual([
      'missing',
      'unacknowledged',
    ]);
  });

  it('is only "inactive" for a deactivated department', () => {
    expect(departmentCoverage(department(false), [], today).tags.map((t) => t.text)).toEqual(['Inaktiverad']);
  });
});
