import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { Principal, ProvidesTasks, TaskDraft, TaskProvider } from '@samverka/kernel';

export const NOTIFICATION_TASK_KINDS = { failed: 'notifications.failed' } as const;

/** The outbox's obligations: one count. */
@Injectable()
export class NotificationTaskRepository {
  constructor(private readonly tx: TransactionHost) {}

  async countFailed(): Promise<number> {
    const [row]: Array<{ failed: number }> = await this.tx.manager.query(`select count(*)::int as failed from notification where status = 'failed'`);
    return Number(row.failed);
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
  async tasksFor(): Promise<TaskDraft[]> {
    return failedEmailsTask(await this.tasks.countFailed());
  }
}
