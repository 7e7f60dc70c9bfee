import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { declareConflict, TransactionHost } from '@samverka/database';
import { Clock, LocalDate, Principal, Violations } from '@samverka/kernel';
import { Links, NotificationOutbox } from '@samverka/notifications';
import { PlanQueryService } from '@samverka/plan';
import { PlanRoundQueryService, RoundBasics } from '@samverka/rounds';
import { mayReadResponseOf, mayWriteResponseOf, respondsAsSecretary } from '../access/response-access.policy';
import { ConsultationError, ConsultationErrorCode } from '../consultation.exception';
import { AttachmentMediaType, ResponseInput } from '../consultation.model';
import { RESPONSE_STANCE_LABELS } from '../consultation.vocabulary';
import { ConsultationResponseEntity } from '../entities/consultation-response.entity';
import { AttachmentMeta, ProposalRow, RecipientRow, ResponseRepository } from '../repositories/response.repository';
import { attachmentViolations, sniffAttachment } from '../rules/attachment.rules';
import { FoundProposal, findProposals } from '../rules/proposal-finder';
import { ResponseDraftInput, responseViolations } from '../rules/response.rules';
import { extractAttachmentText } from './attachment-text';
import { CommitteeResponsesView, ResponseAttachmentView, ResponseView, SubmittedResponseView, UploadedAttachmentView } from './response.views';

/** The round states in which responses are registered: the consultation, and the compiling after it (a late response still counts). */
export const RESPONDING_STATES: readonly string[] = ['consultation', 'compilingResponses'];

const responseExists = () =>
  new ConsultationError(ConsultationErrorCode.RESPONSE_EXISTS, 'Nämnden har redan lämnat ett yttrande; en rättelse lämnas som en ny version');
// Two first submissions for the same committee at once: the partial unique index lets one through.
declareConflict('consultation_response_one_current', () => responseExists());
declareConflict('consultation_response_one_draft', () => new ConsultationError(ConsultationErrorCode.RESPONSE_EXISTS, 'Nämnden har redan ett utkast till yttrande'));

/** An uploaded file as the transport received it. */
export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

/**
 * Yttranden: a recipient committee's formal response, entered by its secretary (or by a strategist,
 * from one received on paper), kept exactly as entered; drafts, corrections as new revisions (the old
 * kept), the signed document attached, the receipt emailed. Proposals are separate entries the person
 * confirmed (the finder only suggests them).
 */
@Injectable()
export class ResponseService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly responses: ResponseRepository,
    private readonly rounds: PlanRoundQueryService,
    private readonly plans: PlanQueryService,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
    private readonly links: Links,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The proposals found in a text, for the person to confirm, edit or drop (nothing saved; 404 for a round that does not exist). */
  async suggestProposals(roundId: string, text: string): Promise<{ proposals: FoundProposal[] }> {
    await this.rounds.basics(roundId);
    return { proposals: findProposals(text) };
  }

  /** `POST …/responses`: the committee's first response (409 RESPONSE_EXISTS when it has one; a correction is `revise`). */
  submit(principal: Principal, actor: Actor, roundId: string, input: ResponseInput): Promise<SubmittedResponseView> {
    return this.register(principal, actor, roundId, input.committeeId, input, 'first');
  }

  /** `POST …/responses/{committeeId}/revisions`: a correction, a new revision; the current one is superseded and kept. */
  revise(principal: Principal, actor: Actor, roundId: string, committeeId: string, input: Omit<ResponseInput, 'committeeId'> & { committeeId?: string }): Promise<SubmittedResponseView> {
    return this.register(principal, actor, roundId, committeeId, { ...input, committeeId }, 'revision');
  }

  /** `GET …/responses/{committeeId}`: the current response, the draft and the earlier revisions. */
  async get(principal: Principal, roundId: string, committeeId: string): Promise<CommitteeResponsesView> {
    if (!mayReadResponseOf(principal, committeeId)) throw notReadable();
    await this.rounds.basics(roundId);
    const recipient = await this.requireRecipient(roundId, committeeId);
    const rows = await this.responses.allOf(roundId, committeeId);
    const ids = rows.map((r) => r.id);
    const [proposals, attachments] = await Promise.all([this.responses.proposalsOf(ids), this.responses.attachmentsOf(ids)]);
    const views = rows.map((r) => toView(r, proposals, attachments));
    return {
      roundId,
      committeeId,
      committeeName: recipient.committeeName,
      replyBy: recipient.replyBy,
      planVersion: recipient.planVersion,
      sending: recipient.sending,
      questions: recipient.questions,
      current: views.find((v) => v.status === 'submitted' && v.supersededAt === null) ?? null,
      draft: views.find((v) => v.status === 'draft') ?? null,
      revisions: views.filter((v) => v.status === 'submitted' && v.supersededAt !== null),
    };
  }

  /** `PUT …/responses/{committeeId}/draft`: saves any subset of the fields (those given replace the draft's). */
  async saveDraft(principal: Principal, actor: Actor, roundId: string, committeeId: string, input: ResponseDraftInput): Promise<ResponseView> {
    if (!mayWriteResponseOf(principal, committeeId)) throw notReadable();
    return this.tx.run(async () => {
      const round = await this.rounds.basics(roundId, true);
      const recipient = await this.requireRecipient(roundId, committeeId, true);
      await this.check(round, recipient, input, false);
      requireResponding(round);
      const draft = await this.ensureDraft(actor, recipient);
      const before = draftContent(draft);
      Object.assign(draft, storedValues(input));
      const saved = await this.responses.save(draft);
      if (input.proposals !== undefined) {
        await this.responses.deleteProposalsOf(saved.id);
        await this.responses.insertProposals(saved, proposalValues(input.proposals));
      }
      await this.audit.record(actor, { action: 'consultation.response_draft_saved', subjectType: 'consultation_response', subjectId: saved.id, before, after: draftContent(saved) });
      const [proposals, attachments] = await Promise.all([this.responses.proposalsOf([saved.id]), this.responses.attachmentsOf([saved.id])]);
      return toView(saved, proposals, attachments);
    });
  }

  /**
   * `PUT …/responses/{committeeId}/draft/attachment`: the signed document, checked by content (PDF or
   * DOCX, at most 20 MB), stored with the draft (replacing its earlier one); answers the text found in
   * it, for the person to check before it becomes the response's text.
   */
  async attach(principal: Principal, actor: Actor, roundId: string, committeeId: string, file: UploadedFile | null): Promise<UploadedAttachmentView> {
    if (!mayWriteResponseOf(principal, committeeId)) throw notReadable();
    const violations = attachmentViolations(file);
    if (violations.length > 0) new Violations().addAll(violations).throwIfAny();
    const { fileName, content } = file!;
    const mediaType = sniffAttachment(content)!;
    const extractedText = await extractAttachmentText(mediaType, content);
    return this.tx.run(async () => {
      const round = await this.rounds.basics(roundId, true);
      const recipient = await this.requireRecipient(roundId, committeeId, true);
      requireResponding(round);
      const draft = await this.ensureDraft(actor, recipient);
      const meta = await this.responses.replaceAttachment({
        responseId: draft.id,
        fileName: cleanFileName(fileName, mediaType),
        mediaType,
        sizeBytes: content.length,
        sha256: sha256(content),
        content,
        extractedText,
        uploadedByName: actor.label,
      });
      await this.audit.record(actor, { action: 'consultation.response_attached', subjectType: 'consultation_response', subjectId: draft.id, after: { fileName: meta.fileName, mediaType, sizeBytes: meta.sizeBytes, sha256: meta.sha256 } });
      return { ...attachmentView(meta), extractedText };
    });
  }

  /** `GET …/attachments/{attachmentId}`: the document, for the response's readers (a submitted one: also the round's readers). */
  async attachment(principal: Principal, roundId: string, attachmentId: string, mayReadRound: boolean): Promise<{ fileName: string; mediaType: AttachmentMediaType; content: Buffer }> {
    const found = await this.responses.attachmentWithContent(roundId, attachmentId);
    if (!found) throw new ConsultationError(ConsultationErrorCode.ATTACHMENT_NOT_FOUND, 'Planomgången har inget sådant bifogat dokument', { attachmentId });
    const readable = mayReadResponseOf(principal, found.committeeId) || (found.status === 'submitted' && mayReadRound);
    if (!readable) throw notReadable();
    return { fileName: found.fileName, mediaType: found.mediaType, content: found.content };
  }

  // ---- the registration ---------------------------------------------------
  private async register(principal: Principal, actor: Actor, roundId: string, committeeId: string, input: ResponseInput, mode: 'first' | 'revision'): Promise<SubmittedResponseView> {
    const asSecretary = respondsAsSecretary(principal, committeeId);
    if (!asSecretary && !principal.strategist) throw notReadable();
    if (!asSecretary && input.receivedOnPaper !== true) {
      throw new ConsultationError(
        ConsultationErrorCode.RESPONSE_ONLY_ON_PAPER,
        'Nämndens sekreterare lämnar in yttrandet; en strateg registrerar bara ett yttrande som kommit in på papper (receivedOnPaper)',
      );
    }
    return this.tx.run(async () => {
      const round = await this.rounds.basics(roundId, true);
      const recipient = await this.requireRecipient(roundId, committeeId, true);
      await this.check(round, recipient, input, true);
      requireResponding(round);
      const current = await this.responses.findCurrent(roundId, committeeId);
      if (mode === 'first' && current) throw responseExists();
      if (mode === 'revision' && !current) {
        throw new ConsultationError(ConsultationErrorCode.RESPONSE_NOT_FOUND, 'Nämnden har inget inlämnat yttrande att rätta', { committeeId });
      }
      const now = this.clock.now();
      const draft = await this.responses.findDraft(roundId, committeeId);
      const revision = await this.responses.nextRevision(roundId, committeeId);
      if (current) await this.responses.supersede(current.id, now);
      const response = await this.responses.insert({
        roundId,
        committeeId,
        revision,
        sending: recipient.sending,
        status: 'submitted',
        ...storedValues(input),
        receivedOnPaper: input.receivedOnPaper === true,
        createdById: actor.personId,
        createdByName: actor.label,
        submittedById: actor.personId,
        submittedByName: actor.label,
        submittedAt: now,
        supersededAt: null,
      } as Omit<ConsultationResponseEntity, 'id' | 'createdAt' | 'updatedAt' | 'recipient'>);
      const proposals = await this.responses.insertProposals(response, proposalValues(input.proposals ?? []));
      const uploaded = draft ? (await this.responses.attachmentsOf([draft.id])).length > 0 : false;
      if (draft) {
        await this.responses.moveAttachments(draft.id, response.id);
        await this.responses.delete(draft.id);
      }
      // A correction keeps the earlier revision's signed document unless a new one was attached or it is removed.
      const keepsEarlier = mode === 'revision' && current !== null && !uploaded && input.removeAttachment !== true;
      if (keepsEarlier) await this.responses.copyAttachments(current.id, response.id);
      const attachments = await this.responses.attachmentsOf([response.id]);
      await this.audit.record(actor, {
        action: mode === 'first' ? 'consultation.response_submitted' : 'consultation.response_revised',
        subjectType: 'consultation_response',
        subjectId: response.id,
        before: current ? { id: current.id, revision: current.revision } : null,
        after: { ...draftContent(response), revision, receivedOnPaper: response.receivedOnPaper, proposals: proposals.map((p) => ({ id: p.id, text: p.text })) },
      });
      await this.sendReceipts(actor, round, recipient, response, proposals, attachments[0]?.fileName ?? null);
      return { id: response.id, revision, proposals: proposals.map((p) => ({ id: p.id, text: p.text })) };
    });
  }

  /**
   * Every rule at once: those of response.rules.ts, then those that ask the database (the areas are
   * the round's, the questions the consultation's, the items the plan version's), in the same shape.
   */
  private async check(round: RoundBasics, recipient: RecipientRow, input: ResponseDraftInput, complete: boolean): Promise<void> {
    const v = new Violations().addAll(responseViolations(input, this.today(), complete));
    const areaCodes = new Set(round.areas.map((a) => a.code));
    (input.areaComments ?? []).forEach((c, i) => {
      const code = (c.areaCode ?? '').trim().toUpperCase();
      v.when(code !== '' && !areaCodes.has(code), `areaComments[${i}].areaCode`, 'roundArea', `Planomgången har inget utvecklingsområde med koden ${code}`);
    });
    const questionIds = new Set(recipient.questions.map((q) => q.id));
    (input.answers ?? []).forEach((a, i) => v.when(!questionIds.has(a.questionId), `answers[${i}].questionId`, 'consultationQuestion', 'Remissen har ingen sådan fråga'));
    const proposals = input.proposals ?? [];
    proposals.forEach((p, i) => {
      const code = p.areaCode?.trim().toUpperCase();
      v.when(!!code && !areaCodes.has(code), `proposals[${i}].areaCode`, 'roundArea', `Planomgången har inget utvecklingsområde med koden ${code}`);
    });
    if (proposals.some((p) => p.itemCode)) {
      const version = await this.plans.version(round.id, recipient.planVersion);
      const items = new Map(version.areas.flatMap((a) => a.items.map((item) => [item.code, item.areaCode] as const)));
      proposals.forEach((p, i) => {
        const code = p.itemCode?.trim().toUpperCase();
        if (!code) return;
        v.when(!items.has(code), `proposals[${i}].itemCode`, 'planItem', `Planversion ${recipient.planVersion} har ingen insats med koden ${code}`);
        const area = p.areaCode?.trim().toUpperCase();
        v.when(items.has(code) && !!area && items.get(code) !== area, `proposals[${i}].itemCode`, 'itemInArea', `Insats ${code} hör inte till området ${area}`);
      });
    }
    v.throwIfAny();
  }

  private async requireRecipient(roundId: string, committeeId: string, lock = false): Promise<RecipientRow> {
    const recipient = await this.responses.findRecipient(roundId, committeeId, lock);
    if (!recipient) throw new ConsultationError(ConsultationErrorCode.RECIPIENT_NOT_FOUND, 'Nämnden är inte remissinstans i planomgången', { committeeId });
    return recipient;
  }

  private async ensureDraft(actor: Actor, recipient: RecipientRow): Promise<ConsultationResponseEntity> {
    const { roundId, committeeId } = recipient;
    const found = await this.responses.findDraft(roundId, committeeId);
    if (found) return found;
    return this.responses.insert({
      roundId,
      committeeId,
      revision: 0,
      sending: recipient.sending,
      status: 'draft',
      stance: null,
      summary: null,
      text: null,
      adoptedOn: null,
      minuteReference: null,
      theirReference: null,
      signatories: [],
      areaComments: [],
      answers: [],
      receivedOnPaper: false,
      createdById: actor.personId,
      createdByName: actor.label,
      submittedById: null,
      submittedByName: null,
      submittedAt: null,
      supersededAt: null,
    });
  }

  /** The receipt to the one who submitted and the committee's secretaries, each once per revision (one key per revision and person). */
  private async sendReceipts(actor: Actor, round: RoundBasics, recipient: RecipientRow, response: ConsultationResponseEntity, proposals: ProposalRow[], attachmentName: string | null): Promise<void> {
    const [secretaries, submitter] = await Promise.all([
      this.responses.secretariesOf(recipient.committeeId),
      actor.personId ? this.responses.personById(actor.personId) : Promise.resolve(null),
    ]);
    const people = new Map([...(submitter ? [submitter] : []), ...secretaries].map((p) => [p.personId, p]));
    const areaNames = new Map(round.areas.map((a) => [a.code, a.name]));
    const questions = new Map(recipient.questions.map((q) => [q.id, q.text]));
    const data = {
      roundTitle: recipient.roundTitle,
      caseNumber: recipient.caseNumber,
      committeeName: recipient.committeeName,
      revision: response.revision,
      correction: response.revision > 1,
      stanceLabel: RESPONSE_STANCE_LABELS[response.stance!],
      summary: response.summary!,
      adoptedOn: response.adoptedOn! as LocalDate,
      minuteReference: response.minuteReference!,
      theirReference: response.theirReference,
      signatories: response.signatories,
      areaComments: response.areaComments.map((c) => ({ areaName: areaNames.get(c.areaCode) ?? c.areaCode, comment: c.comment })),
      answers: response.answers.map((a) => ({ question: questions.get(a.questionId) ?? '', answer: a.answer })),
      proposals: proposals.map((p, i) => ({ number: i + 1, text: p.text, target: [p.itemCode, p.areaCode ? (areaNames.get(p.areaCode) ?? p.areaCode) : null].filter(Boolean).join(', ') || null })),
      text: response.text!,
      receivedOnPaper: response.receivedOnPaper,
      attachmentName,
      submittedBy: actor.label,
      responseUrl: `${this.links.round(round.id)}/remiss/${recipient.committeeId}`,
    };
    for (const person of people.values()) {
      await this.outbox.enqueue('consultation.response_receipt', { email: person.email, name: person.name, personId: person.personId }, data, `consultation.response_receipt:${response.id}:${person.personId}`);
    }
  }

  private today(): LocalDate {
    return this.rounds.today();
  }
}

const notReadable = () => new ConsultationError(ConsultationErrorCode.RESPONSE_NOT_READABLE, 'Bara nämndens sekreterare, strateger och administratörer når nämndens yttrande');

function requireResponding(round: RoundBasics): void {
  if (!RESPONDING_STATES.includes(round.state)) {
    throw new ConsultationError(ConsultationErrorCode.RESPONSES_CLOSED, 'Yttranden tas emot bara medan remissen pågår eller svaren sammanställs', { state: round.state });
  }
}

/**
 * The fields as stored: the full text exactly as entered (not even trimmed: a scanned text's
 * "nimnd" and "6" stay), the short texts trimmed, codes upper-cased, empty optional texts null.
 * Absent fields are left out (a draft keeps what it had).
 */
function storedValues(input: ResponseDraftInput): Partial<ConsultationResponseEntity> {
  const out: Partial<ConsultationResponseEntity> = {};
  const trimmed = (s: string | null | undefined) => (s === undefined ? undefined : s === null ? null : s.trim() || null);
  if (input.stance !== undefined) out.stance = input.stance;
  if (input.summary !== undefined) out.summary = trimmed(input.summary) ?? null;
  if (input.text !== undefined) out.text = input.text;
  if (input.adoptedOn !== undefined) out.adoptedOn = input.adoptedOn;
  if (input.minuteReference !== undefined) out.minuteReference = trimmed(input.minuteReference) ?? null;
  if (input.theirReference !== undefined) out.theirReference = trimmed(input.theirReference) ?? null;
  if (input.signatories !== undefined) out.signatories = input.signatories.map((s) => s.trim()).filter((s) => s !== '');
  if (input.areaComments !== undefined) out.areaComments = input.areaComments.map((c) => ({ areaCode: c.areaCode.trim().toUpperCase(), comment: c.comment.trim() }));
  if (input.answers !== undefined) out.answers = input.answers.map((a) => ({ questionId: a.questionId, answer: a.answer.trim() }));
  return out;
}

const proposalValues = (proposals: NonNullable<ResponseInput['proposals']>) =>
  proposals.map((p) => ({ text: p.text.trim(), areaCode: p.areaCode?.trim().toUpperCase() || null, itemCode: p.itemCode?.trim().toUpperCase() || null }));

/** What the audit trail records of a response's content. */
const draftContent = (r: ConsultationResponseEntity) => ({
  stance: r.stance,
  summary: r.summary,
  textLength: r.text?.length ?? null,
  adoptedOn: r.adoptedOn,
  minuteReference: r.minuteReference,
  theirReference: r.theirReference,
  signatories: r.signatories,
  areaComments: r.areaComments,
  answers: r.answers,
});

function toView(r: ConsultationResponseEntity, proposals: ProposalRow[], attachments: AttachmentMeta[]): ResponseView {
  const attachment = attachments.find((a) => a.responseId === r.id);
  return {
    id: r.id,
    committeeId: r.committeeId,
    revision: r.revision,
    sending: r.sending,
    status: r.status,
    stance: r.stance,
    stanceLabel: r.stance ? RESPONSE_STANCE_LABELS[r.stance] : null,
    summary: r.summary,
    text: r.text,
    adoptedOn: r.adoptedOn,
    minuteReference: r.minuteReference,
    theirReference: r.theirReference,
    signatories: r.signatories,
    areaComments: r.areaComments,
    answers: r.answers,
    proposals: proposals.filter((p) => p.responseId === r.id).map((p) => ({ id: p.id, text: p.text, areaCode: p.areaCode, itemCode: p.itemCode })),
    receivedOnPaper: r.receivedOnPaper,
    createdByName: r.createdByName,
    updatedAt: r.updatedAt,
    submittedByName: r.submittedByName,
    submittedAt: r.submittedAt,
    supersededAt: r.supersededAt,
    attachment: attachment ? attachmentView(attachment) : null,
  };
}

const attachmentView = (a: AttachmentMeta): ResponseAttachmentView => ({
  id: a.id,
  fileName: a.fileName,
  mediaType: a.mediaType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  uploadedByName: a.uploadedByName,
  uploadedAt: a.uploadedAt,
});

/** The file's own name without any folder, at most 200 characters, with the extension its content has. */
function cleanFileName(name: string, mediaType: AttachmentMediaType): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim().slice(0, 200);
  const extension = mediaType === 'application/pdf' ? '.pdf' : '.docx';
  if (base === '') return `yttrande${extension}`;
  return base.toLowerCase().endsWith(extension) ? base : `${base}${extension}`;
}

const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');
