import { periodsFormErrors, readPeriodsForm, readReportForm, toReportInput, toSetPeriodsInput } from './follow-up-forms';

describe('the follow-up forms', () => {
  it('reads the report form into the command: a department, the contact centre, progress as a number or NaN', () => {
    const base = { periodId: ' p1 ', status: 'delayed', progress: '40', comment: 'Läget', cause: 'Orsak', needed: 'Hjälp' };
    expect(toReportInput(readReportForm({ ...base, organisation: 'd1' }))).toEqual({ periodId: 'p1', departmentId: 'd1', status: 'delayed', progress: 40, comment: 'Läget', cause: 'Orsak', needed: 'Hjälp' });
    expect(toReportInput(readReportForm({ ...base, organisation: 'kontaktcenter' }))).toMatchObject({ contactCentre: true });
    expect(toReportInput(readReportForm({ ...base, organisation: '' }))).not.toHaveProperty('departmentId');
    expect(toReportInput(readReportForm({ ...base, progress: '4,5' })).progress).toBeNaN();
    expect(toReportInput(readReportForm({ ...base, progress: '' })).progress).toBeNaN();
  });

  it('leaves out blank period rows, keeps the row of each period for its errors, and refuses a date that is no date', () => {
    const values = readPeriodsForm({ 'id-0': 'a', 'label-0': 'T1', 'dueOn-0': '2026-05-15', 'label-1': '', 'dueOn-1': '', 'label-2': 'T3', 'dueOn-2': '2027-01-15', 'label-3': '' });
    expect(values.rows).toHaveLength(3);
    const read = toSetPeriodsInput(values);
    expect(read.input).toEqual({ periods: [{ id: 'a', label: 'T1', dueOn: '2026-05-15' }, { label: 'T3', dueOn: '2027-01-15' }] });
    expect(read.rowOf).toEqual([0, 2]);
    const map = periodsFormErrors(read.rowOf);
    expect([map.fieldIdFor('periods.1.label'), map.fieldIdFor('periods.0.dueOn'), map.fieldIdFor('periods.0.id'), map.fieldIdFor('periods'), map.fieldIdFor('other')]).toEqual(['label-2', 'dueOn-0', 'label-0', 'label-0', undefined]);

    const bad = toSetPeriodsInput(readPeriodsForm({ 'label-0': 'T1', 'dueOn-0': '2026-02-30' }));
    expect(bad.input).toBeUndefined();
    expect(bad.errors).toEqual({ 'dueOn-0': expect.stringContaining('riktigt datum') });
  });

  it('removes an emptied existing period (its row left out of the command)', () => {
    expect(toSetPeriodsInput(readPeriodsForm({ 'id-0': 'a', 'label-0': '', 'dueOn-0': '', 'id-1': 'b', 'label-1': 'T2', 'dueOn-1': '2026-09-15' })).input).toEqual({ periods: [{ id: 'b', label: 'T2', dueOn: '2026-09-15' }] });
  });
});
