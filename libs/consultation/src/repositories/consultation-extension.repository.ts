import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import type { LocalDate } from '@samverka/kernel';
import type { ExtensionStatus } from '../consultation.model';

/** A recipient, locked, with what an extension request or decision needs to know. */
export interface LockedRecipient {
  committeeId: string;
  committeeName: string;
  replyBy: LocalDate;
  /** It has a current submitted response (a decline included). */
  responded: boolean;
}

export interface LockedExtension {
  id: string;
  committeeId: string;
  requestedReplyBy: LocalDate;
  status: ExtensionStatus;
}

/** Extensions (anstånd) and the recipient reply dates they move. */
@Injectable()
export class ConsultationExtensionRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The recipient, locked so that decisions and requests about it take turns; null when the committee is not a recipient. */
  async lockRecipient(roundId: string, committeeId: string): Promise<LockedRecipient | null> {
    const rows: Array<{ committee_id: string; name: string; reply_by: string; responded: boolean }> = await this.tx.manager.query(
      `select r.committee_id, k.name, r.reply_by::text as reply_by,
              exists (select 1 from consultation_response cr where cr.round_id = r.round_id and cr.committee_id = r.committee_id
                         and cr.status = 'submitted' and cr.superseded_at is null) as responded
         from consultation_recipient r join committee k on k.id = r.committee_id
        where r.round_id = $1 and r.committee_id = $2
          for update of r`,
      [roundId, committeeId],
    );
    const r = rows[0];
    return r ? { committeeId: r.committee_id, committeeName: r.name, replyBy: r.reply_by, responded: r.responded } : null;
  }

  /** Records a request (the partial unique index `consultation_extension_one_open` refuses a second open one); its id. */
  async insert(roundId: string, committeeId: string, requestedReplyBy: LocalDate, reason: string, by: { personId: string | null; name: string }, at: Date): Promise<string> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `insert into consultation_extension (round_id, committee_id, requested_reply_by, reason, requested_by_id, requested_by_name, requested_at)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [roundId, committeeId, requestedReplyBy, reason, by.personId, by.name, at],
    );
    return rows[0].id;
  }

  /** Whether the recipient has an open request. */
  async hasOpen(roundId: string, committeeId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(`select 1 from consultation_extension where round_id = $1 and committee_id = $2 and status = 'requested'`, [roundId, committeeId]);
    return rows.length > 0;
  }

  /** An extension of the recipient, locked; null when there is none such. */
  async lock(roundId: string, committeeId: string, extensionId: string): Promise<LockedExtension | null> {
    const rows: Array<{ id: string; committee_id: string; requested_reply_by: string; status: ExtensionStatus }> = await this.tx.manager.query(
      `select id, committee_id, requested_reply_by::text as requested_reply_by, status
         from consultation_extension where id = $3 and round_id = $1 and committee_id = $2 for update`,
      [roundId, committeeId, extensionId],
    );
    const e = rows[0];
    return e ? { id: e.id, committeeId: e.committee_id, requestedReplyBy: e.requested_reply_by, status: e.status } : null;
  }

  /** Approves the request and moves the recipient's reply date: one statement. */
  async approve(roundId: string, committeeId: string, extensionId: string, replyBy: LocalDate, by: { personId: string | null; name: string }, at: Date): Promise<void> {
    await this.tx.manager.query(
      `with decided as (
         update consultation_extension set status = 'approved', decided_reply_by = $4, decided_by_id = $5, decided_by_name = $6, decided_at = $7
          where id = $3 and status = 'requested' returning round_id, committee_id)
       update consultation_recipient r set reply_by = $4
         from decided d where r.round_id = d.round_id and r.committee_id = d.committee_id and r.round_id = $1 and r.committee_id = $2`,
      [roundId, committeeId, extensionId, replyBy, by.personId, by.name, at],
    );
  }

  /** Declines the request with a reason. */
  async decline(extensionId: string, reason: string, by: { personId: string | null; name: string }, at: Date): Promise<void> {
    await this.tx.manager.query(
      `update consultation_extension set status = 'declined', decision_reason = $2, decided_by_id = $3, decided_by_name = $4, decided_at = $5
        where id = $1 and status = 'requested'`,
      [extensionId, reason, by.personId, by.name, at],
    );
  }
}
