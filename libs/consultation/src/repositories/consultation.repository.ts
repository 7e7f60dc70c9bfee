import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import type { LocalDate } from '@samverka/kernel';
import type { ExtensionStatus, PrepareConsultationInput, RecipientStatus } from '../consultation.model';

export interface ConsultationExtensionView {
  id: string;
  requestedReplyBy: LocalDate;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
  status: ExtensionStatus;
  decidedReplyBy: LocalDate | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface ConsultationRecipientView {
  committeeId: string;
  name: string;
  replyBy: LocalDate;
  status: RecipientStatus;
  respondedAt: Date | null;
  extensions: ConsultationExtensionView[];
}

export interface ConsultationView {
  roundId: string;
  /** 1, or 2, 3 … once the plan was returned and the remiss prepared again. */
  sending: number;
  planVersion: number;
  replyBy: LocalDate;
  coverLetter: string;
  contactPerson: { id: string; name: string; email: string; title: string | null } | null;
  questions: Array<{ id: string; areaCode: string | null; text: string }>;
  sentAt: Date | null;
  recipients: ConsultationRecipientView[];
}

/** The reference data a prepared remiss is checked against. */
export interface PrepareReferenceRows {
  frozenVersions: number[];
  committees: Array<{ id: string; active: boolean }>;
  contactPersonExists: boolean;
  /** The committees with a submitted response in the round (to an earlier sending, when preparing again). */
  respondedCommitteeIds: string[];
}

/** The choices of the prepare form. */
export interface PrepareOptions {
  frozenVersions: number[];
  committees: Array<{ id: string; name: string }>;
  contactPeople: Array<{ id: string; name: string }>;
}

/** A recipient's secretary, to be emailed. */
export interface SecretaryRecipient {
  committeeId: string;
  committeeName: string;
  replyBy: LocalDate;
  personId: string;
  userId: string;
  name: string;
  email: string;
}

/** The current submitted response's status per recipient, against the recipient's own reply date and today. */
const RECIPIENT_STATUS = `case when cr.stance = 'decline' then 'declined'
                                when cr.id is not null then 'responded'
                                when r.reply_by < $2::date then 'overdue'
                                else 'awaiting' end`;

/** The consultation's rows: the remiss, its recipients and questions; each read in one statement. */
@Injectable()
export class ConsultationRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The round's frozen plan versions, every committee (active or not), and whether the contact person exists: one statement. */
  async prepareReferences(roundId: string, contactPersonId: string | null): Promise<PrepareReferenceRows> {
    const rows: Array<{ versions: number[]; committees: Array<{ id: string; active: boolean }>; contact: boolean; responded: string[] }> = await this.tx.manager.query(
      `select coalesce((select array_agg(version order by version) from plan_version where round_id = $1), '{}') as versions,
              coalesce((select json_agg(json_build_object('id', id, 'active', active)) from committee), '[]') as committees,
              ($2::uuid is null or exists (select 1 from person where id = $2::uuid)) as contact,
              coalesce((select array_agg(distinct committee_id) from consultation_response where round_id = $1 and status = 'submitted'), '{}') as responded`,
      [roundId, contactPersonId],
    );
    return { frozenVersions: rows[0].versions.map(Number), committees: rows[0].committees, contactPersonExists: rows[0].contact, respondedCommitteeIds: rows[0].responded };
  }

  /** What the prepare form offers: the frozen versions, the active committees (by name) and the strategists as contact persons; one statement. */
  async prepareOptions(roundId: string): Promise<PrepareOptions> {
    const rows: Array<PrepareOptions> = await this.tx.manager.query(
      `select coalesce((select json_agg(version order by version) from plan_version where round_id = $1), '[]') as "frozenVersions",
              coalesce((select json_agg(json_build_object('id', id, 'name', name) order by name) from committee where active), '[]') as committees,
              coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name) order by p.name)
                          from person p where exists (select 1 from app_user u join role_grant g on g.user_id = u.id and g.role = 'strategist' and g.revoked_at is null
                                                       where u.person_id = p.id and u.disabled_at is null)), '[]') as "contactPeople"`,
      [roundId],
    );
    return rows[0];
  }

  /** The remiss's send stamp, locked (undefined: none prepared). */
  async lockSentAt(roundId: string): Promise<Date | null | undefined> {
    const rows: Array<{ sent_at: Date | null }> = await this.tx.manager.query(`select sent_at from consultation where round_id = $1 for update`, [roundId]);
    return rows.length === 0 ? undefined : rows[0].sent_at;
  }

  /**
   * Starts the next sending of a remiss that was sent (the plan was returned, and goes on remiss again):
   * one more sending, not sent; the earlier sending's current responses are superseded (kept, shown as
   * the earlier sending's) and its unsubmitted drafts removed; its open extension requests are declined.
   */
  async startNextSending(roundId: string, at: Date, byName: string): Promise<number> {
    const m = this.tx.manager;
    const rows: Array<{ sending: number }> = await m.query(`update consultation set sending = sending + 1, sent_at = null, updated_at = now() where round_id = $1 returning sending`, [roundId]);
    await m.query(`update consultation_response set superseded_at = $2 where round_id = $1 and status = 'submitted' and superseded_at is null`, [roundId, at]);
    await m.query(`delete from consultation_response where round_id = $1 and status = 'draft'`, [roundId]);
    await m.query(
      `update consultation_extension set status = 'declined', decision_reason = 'Remissen skickas ut på nytt med ett nytt svarsdatum', decided_by_name = $3, decided_at = $2
        where round_id = $1 and status = 'requested'`,
      [roundId, at, byName],
    );
    return rows[0].sending;
  }

  /** Writes the remiss, replacing its recipients and questions; every recipient gets the common reply date. */
  async replace(roundId: string, input: PrepareConsultationInput, committeeIds: readonly string[]): Promise<void> {
    const m = this.tx.manager;
    await m.query(
      `insert into consultation (round_id, plan_version, reply_by, cover_letter, contact_person_id)
       values ($1, $2, $3, $4, $5)
       on conflict (round_id) do update set plan_version = excluded.plan_version, reply_by = excluded.reply_by,
             cover_letter = excluded.cover_letter, contact_person_id = excluded.contact_person_id, updated_at = now()`,
      [roundId, input.planVersion, input.replyBy, input.coverLetter.trim(), input.contactPersonId ?? null],
    );
    await m.query(
      `with gone_q as (delete from consultation_question where round_id = $1),
            gone_r as (delete from consultation_recipient where round_id = $1 and committee_id <> all($2::uuid[]))
       insert into consultation_recipient (round_id, committee_id, reply_by)
       select $1, c, $3 from unnest($2::uuid[]) c
       on conflict (round_id, committee_id) do update set reply_by = excluded.reply_by`,
      [roundId, committeeIds, input.replyBy],
    );
    const questions = input.questions ?? [];
    if (questions.length > 0) {
      await m.query(
        `insert into consultation_question (round_id, area_code, text, position)
         select $1, nullif(q.area_code, ''), q.text, q.position::int
           from unnest($2::text[], $3::text[], $4::int[]) as q(area_code, text, position)`,
        [roundId, questions.map((q) => q.areaCode ?? ''), questions.map((q) => q.text.trim()), questions.map((_, i) => i + 1)],
      );
    }
  }

  /** The ids of every active committee. */
  async activeCommitteeIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(`select id from committee where active order by name`);
    return rows.map((r) => r.id);
  }

  /** The remiss with its recipients (status computed here, against `today`), their extensions, and its questions: one statement. Null when none is prepared. */
  async view(roundId: string, today: LocalDate): Promise<ConsultationView | null> {
    const rows: Array<{ view: ConsultationView }> = await this.tx.manager.query(
      `select json_build_object(
                'roundId', c.round_id, 'sending', c.sending, 'planVersion', c.plan_version, 'replyBy', c.reply_by, 'coverLetter', c.cover_letter, 'sentAt', c.sent_at,
                'contactPerson', case when p.id is null then null else json_build_object('id', p.id, 'name', p.name, 'email', p.email, 'title', p.title) end,
                'questions', coalesce((select json_agg(json_build_object('id', q.id, 'areaCode', q.area_code, 'text', q.text) order by q.position)
                                         from consultation_question q where q.round_id = c.round_id), '[]'),
                'recipients', coalesce((
                  select json_agg(json_build_object(
                           'committeeId', r.committee_id, 'name', k.name, 'replyBy', r.reply_by, 'status', ${RECIPIENT_STATUS}, 'respondedAt', cr.submitted_at,
                           'extensions', coalesce((select json_agg(json_build_object(
                                              'id', e.id, 'requestedReplyBy', e.requested_reply_by, 'reason', e.reason, 'requestedBy', e.requested_by_name,
                                              'requestedAt', e.requested_at, 'status', e.status, 'decidedReplyBy', e.decided_reply_by,
                                              'decisionReason', e.decision_reason, 'decidedBy', e.decided_by_name, 'decidedAt', e.decided_at) order by e.requested_at, e.id)
                                             from consultation_extension e where e.round_id = r.round_id and e.committee_id = r.committee_id), '[]'))
                         order by k.name)
                    from consultation_recipient r
                    join committee k on k.id = r.committee_id
                    left join consultation_response cr on cr.round_id = r.round_id and cr.committee_id = r.committee_id
                                                      and cr.status = 'submitted' and cr.superseded_at is null
                   where r.round_id = c.round_id), '[]')) as view
         from consultation c left join person p on p.id = c.contact_person_id
        where c.round_id = $1`,
      [roundId, today],
    );
    if (!rows[0]) return null;
    const v = rows[0].view;
    return {
      ...v,
      sentAt: v.sentAt === null ? null : new Date(v.sentAt),
      recipients: v.recipients.map((r) => ({
        ...r,
        respondedAt: r.respondedAt === null ? null : new Date(r.respondedAt),
        extensions: r.extensions.map((e) => ({ ...e, requestedAt: new Date(e.requestedAt), decidedAt: e.decidedAt === null ? null : new Date(e.decidedAt) })),
      })),
    };
  }

  /** The round's title and case number, as the emails name it. */
  async roundHeading(roundId: string): Promise<{ title: string; caseNumber: string }> {
    const rows: Array<{ title: string; case_number: string }> = await this.tx.manager.query(`select title, case_number from plan_round where id = $1`, [roundId]);
    return { title: rows[0].title, caseNumber: rows[0].case_number };
  }

  /** Stamps the remiss as sent. */
  async markSent(roundId: string, at: Date): Promise<void> {
    await this.tx.manager.query(`update consultation set sent_at = $2, updated_at = now() where round_id = $1`, [roundId, at]);
  }

  /** Every recipient's secretaries (current committee_secretary grants of enabled users), one row per committee and person. */
  async secretariesOfRecipients(roundId: string, committeeId?: string): Promise<SecretaryRecipient[]> {
    const rows: Array<{ committee_id: string; committee_name: string; reply_by: string; person_id: string; user_id: string; name: string; email: string }> = await this.tx.manager.query(
      `select distinct r.committee_id, k.name as committee_name, r.reply_by::text as reply_by, p.id as person_id, u.id as user_id, p.name, p.email
         from consultation_recipient r
         join committee k on k.id = r.committee_id
         join role_grant g on g.committee_id = r.committee_id and g.role = 'committee_secretary' and g.revoked_at is null
         join app_user u on u.id = g.user_id and u.disabled_at is null
         join person p on p.id = u.person_id
        where r.round_id = $1 and ($2::uuid is null or r.committee_id = $2::uuid)
        order by k.name, p.name`,
      [roundId, committeeId ?? null],
    );
    return rows.map((r) => ({ committeeId: r.committee_id, committeeName: r.committee_name, replyBy: r.reply_by, personId: r.person_id, userId: r.user_id, name: r.name, email: r.email }));
  }
}
