import { failedEmailsTask } from './notification-tasks';

describe(failedEmailsTask.name, () => {
  it('is one task leading to the failed emails, and none when nothing failed', () => {
    expect(failedEmailsTask(0)).toEqual([]);
    expect(failedEmailsTask(1).map((t) => t.title)).toEqual(['1 e-postmeddelande kunde inte skickas: se vad som gick fel']);
    expect(failedEmailsTask(12)).toEqual([{ kind: 'notifications.failed', title: '12 e-postmeddelanden kunde inte skickas: se vad som gick fel', dueOn: null, href: '/admin/utskick?status=failed' }]);
  });
});
