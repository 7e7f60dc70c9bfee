import { defaultPeriods, tertialDueOn } from './follow-up-periods';

describe('defaultPeriods', () => {
  it('gives the three tertials from the one of the decision, each due the 15th of the month after it', () => {
    expect(defaultPeriods('2025-05-20')).toEqual([
      { label: '2025 T2', dueOn: '2025-09-15' },
      { label: '2025 T3', dueOn: '2026-01-15' },
      { label: '2026 T1', dueOn: '2026-05-15' },
    ]);
  });

  it('rolls over the year from the third tertial', () => {
    expect(defaultPeriods('2026-11-30').map((p) => p.label)).toEqual(['2026 T3', '2027 T1', '2027 T2']);
  });

  it('moves a due date that falls on a weekend to the next working day', () => {
    // 2026-09-15 is a Tuesday; 2027-05-15 is a Saturday → Monday 2027-05-17.
    expect(tertialDueOn(2026, 2)).toBe('2026-09-15');
    expect(tertialDueOn(2027, 1)).toBe('2027-05-17');
  });
});
