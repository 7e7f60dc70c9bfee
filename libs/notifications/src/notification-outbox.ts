import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { Clock } from '@samverka/kernel';
import { NotificationKind, NotificationKinds } from './notification-kinds';
import { Recipient } from './recipient';

/**
 * Queues emails in the caller's transaction (the change and its emails commit
 * together or not at all). Queuing a key that exists changes nothing.
 */
@Injectable()
export class NotificationOutbox {
  constructor(
    private readonly tx: TransactionHost,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** True when queued; false when an email with this key was already queued (or sent). */
  async enqueue<K extends NotificationKind>(kind: K, recipient: Recipient, data: NotificationKinds[K], dedupKey: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `insert into notification (kind, dedup_key, recipient_email, recipient_name, recipient_person_id, data, status, attempts, next_attempt_at)
       values ($1, $2, $3, $4, $5, $6::jsonb, 'pending', 0, $7)
       on conflict (dedup_key) do nothing
       returning id`,
      [kind, dedupKey, recipient.email, recipient.name, recipient.personId ?? null, JSON.stringify(data), this.clock.now()],
    );
    return rows.length > 0;
  }

  /**
   * Queues many emails of one kind in one statement (a set-based sweep: the statement count does not
   * grow with the number of recipients). Returns the keys queued now; the others were already queued.
   */
  async enqueueMany<K extends NotificationKind>(kind: K, emails: ReadonlyArray<{ recipient: Recipient; data: NotificationKinds[K]; dedupKey: string }>): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows: Array<{ dedup_key: string }> = await this.tx.manager.query(
      `insert into notification (kind, dedup_key, recipient_email, recipient_name, recipient_person_id, data, status, attempts, next_attempt_at)
       select $1, e.dedup_key, e.email, e.name, e.person_id, e.data, 'pending', 0, $7
         from unnest($2::text[], $3::text[], $4::text[], $5::uuid[], $6::jsonb[]) as e(dedup_key, email, name, person_id, data)
       on conflict (dedup_key) do nothing
       returning dedup_key`,
      [
        kind,
        emails.map((e) => e.dedupKey),
        emails.map((e) => e.recipient.email),
        emails.map((e) => e.recipient.name),
        emails.map((e) => e.recipient.personId ?? null),
        emails.map((e) => JSON.stringify(e.data)),
        this.clock.now(),
      ],
    );
    return new Set(rows.map((r) => r.dedup_key));
  }

  /** Of these keys, the ones already queued (or sent): for a sender whose wording depends on whether an earlier email went out. */
  async queuedKeys(dedupKeys: readonly string[]): Promise<Set<string>> {
    if (dedupKeys.length === 0) return new Set();
    const rows: Array<{ dedup_key: string }> = await this.tx.manager.query('select dedup_key from notification where dedup_key = any($1::text[])', [dedupKeys]);
    return new Set(rows.map((r) => r.dedup_key));
  }
}
