import { dueConsultationReminder } from './consultation-reminder.service';

describe(dueConsultationReminder.name, () => {
  // Friday 10 April 2026; Good Friday (3 April) and Easter Monday (6 April) are days off.
  const replyBy = '2026-04-10';
  it('is nothing until 10 working days before, then before10, before3 from 3 working days before, after from the day after', () => {
    expect(dueConsultationReminder(replyBy, '2026-03-24')).toBeNull();
    expect(dueConsultationReminder(replyBy, '2026-03-25')).toBe('before10');
    expect(dueConsultationReminder(replyBy, '2026-04-06')).toBe('before10');
    expect(dueConsultationReminder(replyBy, '2026-04-07')).toBe('before3');
    expect(dueConsultationReminder(replyBy, replyBy)).toBe('before3');
    expect(dueConsultationReminder(replyBy, '2026-04-11')).toBe('after');
  });
});
