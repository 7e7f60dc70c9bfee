import { Inject, Injectable, Logger } from '@nestjs/common';
import { MailConfig, SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { isDatabaseUnavailable } from '@samverka/database';
import { Clock } from '@samverka/kernel';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { Mailer } from './mail/mailer';
import { NotificationRenderer } from './notification-renderer';

interface ClaimedRow {
  id: string;
  kind: string;
  recipient_email: string;
  recipient_name: string;
  data: Record<string, unknown>;
  attempts: number;
}

/** How often an accepted send is recorded again while the database is away: at first soon, then every few seconds. */
const RECORD_RETRY_MS = [100, 250, 500, 1000, 2000];

export interface DispatchResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * The wait after a failed attempt (1, 2, 3, ...): the base doubling each time, never longer than the
 * cap. With the defaults (30 s doubling up to 30 minutes, 12 attempts) an email is tried for about
 * three hours before it ends as failed, so an SMTP server away for an afternoon costs no email.
 */
export function retryDelaySeconds(attempt: number, mail: Pick<MailConfig, 'retryBaseSeconds' | 'retryMaxSeconds'>): number {
  return Math.min(mail.retryBaseSeconds * 2 ** Math.min(Math.max(attempt, 1) - 1, 30), mail.retryMaxSeconds);
}

/**
 * Sends what is due: claims a batch (FOR UPDATE SKIP LOCKED, so two workers
 * never take the same email), renders, sends, and records the SMTP server's
 * acceptance at once, before anything else. A failure is retried with
 * exponential backoff (capped: `retryDelaySeconds`), then ends as `failed` with the error kept. A worker
 * that dies mid-send leaves a lease that runs out, and the email is taken
 * again: at most the lease's length can pass between an accepted send that
 * was not yet recorded and its repetition. When the database goes away
 * between the SMTP server's acceptance and its recording, the recording is
 * tried again until the database is back (or `signal` aborts: a worker
 * stopping), rather than left for the lease to run out and the email to be
 * sent a second time.
 */
@Injectable()
export class NotificationDispatcher {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: NotificationRenderer,
    private readonly mailer: Mailer,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {}

  async dispatchDue(workerId: string, limit = 20, signal?: AbortSignal): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
    for (const row of await this.claim(workerId, limit)) {
      result[await this.deliver(workerId, row, signal)]++;
    }
    return result;
  }

  private async claim(workerId: string, limit: number): Promise<ClaimedRow[]> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.config.mail.leaseSeconds * 1000);
    const [rows] = (await this.dataSource.query(
      `update notification n
          set status = 'sending', locked_by = $1, locked_until = $2, attempts = n.attempts + 1, updated_at = now()
        where n.id in (select id from notification
                        where (status = 'pending' and next_attempt_at <= $3) or (status = 'sending' and locked_until < $3)
                        order by next_attempt_at
                        limit $4
                        for update skip locked)
        returning n.id, n.kind, n.recipient_email, n.recipient_name, n.data, n.attempts`,
      [workerId, leaseUntil, now, limit],
    )) as [ClaimedRow[], number];
    return rows;
  }

  private async deliver(workerId: string, row: ClaimedRow, signal?: AbortSignal): Promise<keyof DispatchResult> {
    let accepted: { messageId: string; response: string };
    try {
      const mail = this.renderer.render({ id: row.id, kind: row.kind, recipientName: row.recipient_name, data: row.data });
      accepted = await this.mailer.send({
        to: { name: row.recipient_name, address: row.recipient_email },
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        attachments: mail.attachments,
        messageId: `<${row.id}@${new URL(this.config.app.publicUrl).hostname}>`,
      });
    } catch (e) {
      return this.recordFailure(workerId, row, e as Error);
    }
    const updated = await this.recordSent(workerId, row, accepted.messageId, signal);
    if (updated === 0) this.logger.warn(`notification ${row.id} was sent after its lease ran out; another worker may send it again`);
    return 'sent';
  }

  /** Records the acceptance; while the database is away, again and again until it is back (or `signal` aborts). */
  private async recordSent(workerId: string, row: ClaimedRow, messageId: string, signal?: AbortSignal): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const [, updated] = (await this.dataSource.query(
          `update notification set status = 'sent', sent_at = $3, message_id = $4, last_error = null, locked_by = null, locked_until = null, updated_at = now()
            where id = $1 and locked_by = $2 and status = 'sending'`,
          [row.id, workerId, this.clock.now(), messageId],
        )) as [unknown, number];
        if (attempt > 0) this.logger.log(`notification ${row.id}: its delivery recorded once the database was back`);
        return updated;
      } catch (e) {
        if (!isDatabaseUnavailable(e) || signal?.aborted) throw e;
        if (attempt === 0) this.logger.warn(`notification ${row.id} was delivered but the database is away; recording it as soon as it is back`);
        await sleep(RECORD_RETRY_MS[Math.min(attempt, RECORD_RETRY_MS.length - 1)], undefined, { signal }).catch(() => undefined);
      }
    }
  }

  private async recordFailure(workerId: string, row: ClaimedRow, error: Error): Promise<keyof DispatchResult> {
    const final = row.attempts >= this.config.mail.maxAttempts;
    const delaySeconds = retryDelaySeconds(row.attempts, this.config.mail);
    const message = `${error.message}`.slice(0, 2000);
    await this.dataSource.query(
      `update notification set status = $3, last_error = $4, next_attempt_at = $5, locked_by = null, locked_until = null, updated_at = now()
        where id = $1 and locked_by = $2`,
      [row.id, workerId, final ? 'failed' : 'pending', message, new Date(this.clock.now().getTime() + delaySeconds * 1000)],
    );
    this.logger.warn(`notification ${row.id} (${row.kind}) attempt ${row.attempts} failed: ${message}${final ? ' — giving up' : ` — retrying in ${delaySeconds} s`}`);
    return final ? 'failed' : 'retrying';
  }
}
