import { oneYearOn, onWorkingDay, proposedDeadlines } from './next-round';

describe('next-round deadlines', () => {
  it('moves a date one year on, 29 February to 28 February', () => {
    expect(oneYearOn('2026-03-02')).toBe('2027-03-02');
    expect(oneYearOn('2028-02-29')).toBe('2029-02-28');
    expect(oneYearOn('2027-02-28')).toBe('2028-02-28');
  });

  it('keeps a working day and moves weekends and holidays to the next working day', () => {
    expect(onWorkingDay('2027-03-02')).toBe('2027-03-02'); // a Tuesday
    expect(onWorkingDay('2027-03-06')).toBe('2027-03-08'); // Saturday → Monday
    expect(onWorkingDay('2027-12-24')).toBe('2027-12-27'); // julafton (Friday) → Monday
    expect(onWorkingDay('2027-06-06')).toBe('2027-06-07'); // nationaldagen on a Sunday → Monday
  });

  it('proposes every deadline a year on, on working days, and leaves absent ones absent', () => {
    // 2026-02-27 Fri → 2027-02-27 Sat → 2027-03-01 Mon; 2026-05-29 Fri → 2027-05-29 Sat → 2027-05-31 Mon;
    // 2026-12-24 (julafton) → 2027-12-24 Fri, julafton → 2027-12-27 Mon.
    expect(proposedDeadlines({ needs: '2026-02-27', consultationReply: '2026-05-29', decision: '2026-12-24' })).toEqual({
      needs: '2027-03-01',
      consultationReply: '2027-05-31',
      decision: '2027-12-27',
    });
    expect(proposedDeadlines({ needs: '2026-03-03', consultationReply: null, decision: null })).toEqual({ needs: '2027-03-03', consultationReply: null, decision: null });
  });
});
