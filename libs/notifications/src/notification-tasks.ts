import { Injectable } from '@nestjs/common';
import { mapSelect, Principal, ProvidesTasks, SqlSelect, TaskDraft, TaskProvider } from '@samverka/kernel';

export const NOTIFICATION_TASK_KINDS = { failed: 'notifications.failed' } as const;

/** The outbox's obligations: one count, as a select the task composer folds into its statement. */
@Injectable()
export class NotificationTaskRepository {
  selectFailedCount(): SqlSelect<number> {
    return { sql: `select count(*)::int as failed from notification where status = 'failed'`, values: [], rowsFrom: (rows) => rows.map((r) => Number(r.failed)) };
  }
}

/** Emails that could not be sent, as one task; none when every email went. */
export function failedEmailsTask(failed: number): TaskDraft[] {
  if (failed === 0) return [];
  const title = failed === 1 ? '1 e-postmeddelande kunde inte skickas: se vad som gick fel' : `${failed} e-postmeddelanden kunde inte skickas: se vad som gick fel`;
  return [{ kind: NOTIFICATION_TASK_KINDS.failed, title, dueOn: null, href: '/admin/utskick?status=failed' }];
}

/** For the admins who keep the outbox: failed emails. */
@Injectable()
@ProvidesTasks(NOTIFICATION_TASK_KINDS.failed)
export class FailedNotificationTasks implements TaskProvider {
  constructor(private readonly tasks: NotificationTaskRepository) {}
  appliesTo(p: Principal): boolean {
    return p.admin;
  }
  taskSelect(): SqlSelect<TaskDraft> {
    return mapSelect(this.tasks.selectFailedCount(), (counts) => counts.flatMap(failedEmailsTask));
  }
}
