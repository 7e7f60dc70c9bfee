import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import type { AttachmentMediaType } from '../consultation.model';
import { ConsultationAttachmentEntity } from '../entities/consultation-attachment.entity';
import { ConsultationResponseEntity } from '../entities/consultation-response.entity';

/** A recipient committee with what a response is checked against: the plan version sent and the consultation's questions. */
export interface RecipientRow {
  roundId: string;
  committeeId: string;
  committeeName: string;
  roundTitle: string;
  caseNumber: string;
  replyBy: string;
  planVersion: number;
  sentAt: Date | null;
  /** The remiss's current sending (a response answers it). */
  sending: number;
  /** The consultation's questions in their order. */
  questions: Array<{ id: string; areaCode: string | null; text: string }>;
}

export interface ProposalRow {
  id: string;
  responseId: string;
  position: number;
  text: string;
  areaCode: string | null;
  itemCode: string | null;
}

export interface AttachmentMeta {
  id: string;
  responseId: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  sizeBytes: number;
  sha256: string;
  extractedText: string | null;
  uploadedByName: string;
  uploadedAt: Date;
}

export interface PersonRow {
  personId: string;
  name: string;
  email: string;
}

/** The response's own fields as stored (a draft's may be null). */
export type ResponseValues = Pick<
  ConsultationResponseEntity,
  'stance' | 'summary' | 'text' | 'adoptedOn' | 'minuteReference' | 'theirReference' | 'signatories' | 'areaComments' | 'answers' | 'receivedOnPaper'
>;

/** The draft's proposals are kept with the draft row (it has no proposal rows until it is submitted). */
const ATTACHMENT_META = `a.id, a.response_id as "responseId", a.file_name as "fileName", a.media_type as "mediaType", a.size_bytes as "sizeBytes",
  a.sha256, a.extracted_text as "extractedText", a.uploaded_by_name as "uploadedByName", a.uploaded_at as "uploadedAt"`;

/** The committees' responses (yttranden), their proposals and attached documents. */
@Injectable()
export class ResponseRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get responses() {
    return this.tx.repository(ConsultationResponseEntity);
  }

  /**
   * The recipient with its consultation's plan version and question ids, one statement; `lock` holds
   * the recipient's row until the transaction ends, so that one committee's response writes (a second
   * submission, two corrections at once) run one after the other.
   */
  async findRecipient(roundId: string, committeeId: string, lock = false): Promise<RecipientRow | null> {
    const rows: RecipientRow[] = await this.tx.manager.query(
      `select r.round_id as "roundId", r.committee_id as "committeeId", co.name as "committeeName", pr.title as "roundTitle", pr.case_number as "caseNumber", r.reply_by::text as "replyBy",
              c.plan_version as "planVersion", c.sent_at as "sentAt", c.sending,
              coalesce((select json_agg(json_build_object('id', q.id, 'areaCode', q.area_code, 'text', q.text) order by q.position)
                          from consultation_question q where q.round_id = r.round_id), '[]'::json) as "questions"
         from consultation_recipient r
         join consultation c on c.round_id = r.round_id
         join committee co on co.id = r.committee_id
         join plan_round pr on pr.id = r.round_id
        where r.round_id = $1 and r.committee_id = $2
        ${lock ? 'for update of r' : ''}`,
      [roundId, committeeId],
    );
    return rows[0] ?? null;
  }

  /** Every row of the committee's response (drafts and superseded revisions included), latest revision first. */
  allOf(roundId: string, committeeId: string): Promise<ConsultationResponseEntity[]> {
    return this.responses.find({ where: { roundId, committeeId }, order: { revision: 'DESC' } });
  }

  findCurrent(roundId: string, committeeId: string): Promise<ConsultationResponseEntity | null> {
    return this.responses
      .createQueryBuilder('r')
      .where('r.round_id = :roundId and r.committee_id = :committeeId', { roundId, committeeId })
      .andWhere(`r.status = 'submitted' and r.superseded_at is null`)
      .getOne();
  }

  findDraft(roundId: string, committeeId: string): Promise<ConsultationResponseEntity | null> {
    return this.responses.findOneBy({ roundId, committeeId, status: 'draft' });
  }

  /** The next submitted revision's number (drafts are revision 0). */
  async nextRevision(roundId: string, committeeId: string): Promise<number> {
    const rows: Array<{ next: number }> = await this.tx.manager.query(
      `select coalesce(max(revision), 0) + 1 as next from consultation_response where round_id = $1 and committee_id = $2 and status = 'submitted'`,
      [roundId, committeeId],
    );
    return Number(rows[0].next);
  }

  insert(values: Omit<ConsultationResponseEntity, 'id' | 'createdAt' | 'updatedAt' | 'recipient'>): Promise<ConsultationResponseEntity> {
    return this.responses.save(this.responses.create(values));
  }

  save(response: ConsultationResponseEntity): Promise<ConsultationResponseEntity> {
    return this.responses.save(response);
  }

  async supersede(id: string, at: Date): Promise<void> {
    await this.responses.update({ id }, { supersededAt: at });
  }

  async delete(id: string): Promise<void> {
    await this.responses.delete({ id });
  }

  /** The proposals of a response revision, in order, in one statement; returns them with their ids. */
  async insertProposals(response: Pick<ConsultationResponseEntity, 'id' | 'roundId' | 'committeeId'>, proposals: Array<{ text: string; areaCode: string | null; itemCode: string | null }>): Promise<ProposalRow[]> {
    if (proposals.length === 0) return [];
    return this.tx.manager.query(
      `insert into consultation_proposal (response_id, round_id, committee_id, position, text, area_code, item_code)
       select $1, $2, $3, p.position, p.text, p.area_code, p.item_code
         from unnest($4::int[], $5::text[], $6::text[], $7::text[]) as p(position, text, area_code, item_code)
       returning id, response_id as "responseId", position, text, area_code as "areaCode", item_code as "itemCode"`,
      [response.id, response.roundId, response.committeeId, proposals.map((_p, i) => i + 1), proposals.map((p) => p.text), proposals.map((p) => p.areaCode), proposals.map((p) => p.itemCode)],
    ).then((rows: ProposalRow[]) => rows.sort((a, b) => a.position - b.position));
  }

  async deleteProposalsOf(responseId: string): Promise<void> {
    await this.tx.manager.query('delete from consultation_proposal where response_id = $1', [responseId]);
  }

  /** The proposals of these responses, in order (one statement). */
  proposalsOf(responseIds: string[]): Promise<ProposalRow[]> {
    if (responseIds.length === 0) return Promise.resolve([]);
    return this.tx.manager.query(
      `select id, response_id as "responseId", position, text, area_code as "areaCode", item_code as "itemCode"
         from consultation_proposal where response_id = any($1::uuid[]) order by response_id, position`,
      [responseIds],
    );
  }

  /** The committee's secretaries (active grants, enabled users), for the receipt. */
  secretariesOf(committeeId: string): Promise<PersonRow[]> {
    return this.tx.manager.query(
      `select distinct p.id as "personId", p.name, p.email
         from role_grant g
         join app_user u on u.id = g.user_id
         join person p on p.id = u.person_id
        where g.role = 'committee_secretary' and g.committee_id = $1 and g.revoked_at is null and u.disabled_at is null
        order by p.name, p.id`,
      [committeeId],
    );
  }

  async personById(personId: string): Promise<PersonRow | null> {
    const rows: PersonRow[] = await this.tx.manager.query(`select id as "personId", name, email from person where id = $1`, [personId]);
    return rows[0] ?? null;
  }

  // ---- attachments ----------------------------------------------------------
  /** Replaces the response's attachment (a draft holds one document at a time). */
  async replaceAttachment(values: Omit<ConsultationAttachmentEntity, 'id' | 'uploadedAt' | 'response'>): Promise<AttachmentMeta> {
    await this.tx.manager.query('delete from consultation_attachment where response_id = $1', [values.responseId]);
    const saved = await this.tx.repository(ConsultationAttachmentEntity).save(this.tx.repository(ConsultationAttachmentEntity).create(values));
    const { content: _content, response: _response, ...meta } = saved;
    return meta;
  }

  /** Copies the earlier revision's attachment (its bytes too) to the new revision: a correction keeps the signed document unless replaced or removed. */
  async copyAttachments(fromResponseId: string, toResponseId: string): Promise<void> {
    await this.tx.manager.query(
      `insert into consultation_attachment (response_id, file_name, media_type, size_bytes, sha256, content, extracted_text, uploaded_by_name, uploaded_at)
       select $2, file_name, media_type, size_bytes, sha256, content, extracted_text, uploaded_by_name, uploaded_at
         from consultation_attachment where response_id = $1`,
      [fromResponseId, toResponseId],
    );
  }

  /** Moves the draft's attachment to the submitted revision. */
  async moveAttachments(fromResponseId: string, toResponseId: string): Promise<void> {
    await this.tx.manager.query('update consultation_attachment set response_id = $2 where response_id = $1', [fromResponseId, toResponseId]);
  }

  attachmentsOf(responseIds: string[]): Promise<AttachmentMeta[]> {
    if (responseIds.length === 0) return Promise.resolve([]);
    return this.tx.manager.query(`select ${ATTACHMENT_META} from consultation_attachment a where a.response_id = any($1::uuid[]) order by a.uploaded_at`, [responseIds]);
  }

  /** The attachment with its content and whose response it is (in this round), or null. */
  async attachmentWithContent(roundId: string, attachmentId: string): Promise<(AttachmentMeta & { content: Buffer; committeeId: string; status: string }) | null> {
    const rows: Array<AttachmentMeta & { content: Buffer; committeeId: string; status: string }> = await this.tx.manager.query(
      `select ${ATTACHMENT_META}, a.content, r.committee_id as "committeeId", r.status
         from consultation_attachment a join consultation_response r on r.id = a.response_id
        where a.id = $2 and r.round_id = $1`,
      [roundId, attachmentId],
    );
    return rows[0] ?? null;
  }
}
