import type { OpenReportRow } from '../repositories/follow-up-ops.repository';
import { dueFollowUpReminder } from '../services/follow-up-reminder.service';
import { followUpReportPath, owedCodes, reportDueTask } from './follow-up.tasks';

const row = (values: Partial<OpenReportRow> = {}): OpenReportRow => ({
  roundId: 'r1',
  roundTitle: 'Utvecklingsplan 2027',
  periodId: 'p1',
  periodLabel: '2027 T1',
  dueOn: '2027-05-17',
  organisation: { kind: 'department', departmentId: 'd1' },
  departmentName: 'Kulturförvaltningen',
  total: 3,
  owed: [{ code: 'LS-1', title: 'A' }],
  ...values,
});

describe('follow-up tasks', () => {
  it('name the organisation, the period, how many of its items lack a report and which', () => {
    expect(reportDueTask(row())).toEqual({
      kind: 'follow_up.report_due',
      title: 'Rapportera uppföljningen för Kulturförvaltningen, 2027 T1 i Utvecklingsplan 2027: 1 av 3 insatser saknar rapport (LS-1)',
      dueOn: '2027-05-17',
      href: '/planomgangar/r1/uppfoljning/forvaltningar/d1',
      roundId: 'r1',
      departmentId: 'd1',
    });
    expect(reportDueTask(row({ total: 1 })).title).toMatch(/: 1 insats saknar rapport \(LS-1\)$/);
    const contactCentre = reportDueTask(row({ organisation: { kind: 'contactCentre' }, departmentName: null, total: 2, owed: [{ code: 'A-1', title: '' }, { code: 'A-2', title: '' }] }));
    expect(contactCentre).toMatchObject({ title: expect.stringContaining('för kontaktcenter, 2027 T1 i Utvecklingsplan 2027: 2 insatser saknar rapport (A-1 och A-2)'), href: '/planomgangar/r1/uppfoljning' });
    expect(contactCentre).not.toHaveProperty('departmentId');
  });

  it('list at most three codes', () => {
    expect(owedCodes([{ code: 'A' }, { code: 'B' }, { code: 'C' }])).toBe('A, B och C');
    expect(owedCodes([{ code: 'A' }, { code: 'B' }, { code: 'C' }, { code: 'D' }, { code: 'E' }])).toBe('A, B, C och 2 till');
    expect(followUpReportPath('r', { kind: 'department', departmentId: 'd' })).toBe('/planomgangar/r/uppfoljning/forvaltningar/d');
  });
});

describe(dueFollowUpReminder.name, () => {
  // Due Monday 17 May 2027; 6 May (Kristi himmelfärd) is a day off.
  it('is the latest stage due, in Swedish working days', () => {
    expect(dueFollowUpReminder('2027-05-17', '2027-04-29')).toBeNull();
    expect(dueFollowUpReminder('2027-05-17', '2027-04-30')).toBe('before10');
    expect(dueFollowUpReminder('2027-05-17', '2027-05-11')).toBe('before10');
    expect(dueFollowUpReminder('2027-05-17', '2027-05-12')).toBe('before3');
    expect(dueFollowUpReminder('2027-05-17', '2027-05-17')).toBe('before3');
    expect(dueFollowUpReminder('2027-05-17', '2027-05-18')).toBe('after');
    expect(dueFollowUpReminder('2027-05-17', '2027-05-23')).toBe('after');
    expect(dueFollowUpReminder('2027-05-17', '2027-05-24')).toBe('escalation');
  });
});
