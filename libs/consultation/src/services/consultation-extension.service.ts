import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService, personLabelOf } from '@samverka/audit';
import { declareConflict, TransactionHost } from '@samverka/database';
import { RecipientDirectory } from '@samverka/identity';
import { Clock, refuseIfAny } from '@samverka/kernel';
import { Links, NotificationOutbox } from '@samverka/notifications';
import { PlanRoundQueryService } from '@samverka/rounds';
import { ConsultationError, ConsultationErrorCode } from '../consultation.exception';
import type { ExtensionApprovalInput, ExtensionDeclineInput, ExtensionRequestInput } from '../consultation.model';
import { ConsultationExtensionRepository, LockedExtension, LockedRecipient } from '../repositories/consultation-extension.repository';
import { ConsultationRecipientView, ConsultationRepository } from '../repositories/consultation.repository';
import { extensionApprovalViolations, extensionDeclineViolations, extensionRequestViolations } from '../rules/consultation.rules';

const alreadyOpen = () => new ConsultationError(ConsultationErrorCode.EXTENSION_ALREADY_OPEN, 'Nämnden har redan en begäran om anstånd som inte är avgjord');
declareConflict('consultation_extension_one_open', () => alreadyOpen());

/**
 * Anstånd: a recipient committee's secretary (or a strategist) asks for a later reply date with a
 * reason while the round is in consultation and the committee has not responded; a strategist
 * approves (the date asked for or another, moving the recipient's reply date and so its reminders)
 * or declines with a reason. One open request per recipient; each is decided once. The request is
 * emailed to the strategists, the decision to the committee's secretaries, in the same transaction.
 */
@Injectable()
export class ConsultationExtensionService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly extensions: ConsultationExtensionRepository,
    private readonly consultations: ConsultationRepository,
    private readonly rounds: PlanRoundQueryService,
    private readonly directory: RecipientDirectory,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditService,
    private readonly links: Links,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Asks for a later reply date; the new request's id. */
  async request(actor: Actor, roundId: string, committeeId: string, input: ExtensionRequestInput): Promise<{ id: string }> {
    return this.tx.run(async () => {
      const recipient = await this.openRecipient(roundId, committeeId);
      if (recipient.responded) throw new ConsultationError(ConsultationErrorCode.EXTENSION_NOT_ALLOWED, 'Nämnden har redan svarat på remissen', { committeeId });
      refuseIfAny(extensionRequestViolations(input, recipient.replyBy));
      if (await this.extensions.hasOpen(roundId, committeeId)) throw alreadyOpen();
      const by = this.by(actor);
      const reason = input.reason.trim();
      const id = await this.extensions.insert(roundId, committeeId, input.requestedReplyBy, reason, by, this.clock.now());
      await this.audit.record(actor, {
        action: 'consultation.extension_requested',
        subjectType: 'plan_round',
        subjectId: roundId,
        after: { extensionId: id, committeeId, replyBy: recipient.replyBy, requestedReplyBy: input.requestedReplyBy, reason },
      });
      const heading = await this.consultations.roundHeading(roundId);
      for (const s of await this.directory.strategists()) {
        await this.outbox.enqueue(
          'consultation.extension_requested',
          { email: s.email, name: s.name, personId: s.personId },
          {
            roundTitle: heading.title,
            caseNumber: heading.caseNumber,
            committeeName: recipient.committeeName,
            replyBy: recipient.replyBy,
            requestedReplyBy: input.requestedReplyBy,
            reason,
            requestedBy: by.name,
            consultationUrl: this.links.consultation(roundId),
          },
          `consultation.extension_requested:${id}:${s.userId}`,
        );
      }
      return { id };
    });
  }

  /** Approves a request: the recipient's reply date becomes `replyBy`, or the date asked for. */
  async approve(actor: Actor, roundId: string, committeeId: string, extensionId: string, input: ExtensionApprovalInput): Promise<ConsultationRecipientView> {
    return this.tx.run(async () => {
      const recipient = await this.openRecipient(roundId, committeeId);
      const extension = await this.undecided(roundId, committeeId, extensionId);
      refuseIfAny(extensionApprovalViolations(input.replyBy, recipient.replyBy));
      const replyBy = input.replyBy ?? extension.requestedReplyBy;
      const by = this.by(actor);
      await this.extensions.approve(roundId, committeeId, extensionId, replyBy, by, this.clock.now());
      await this.audit.record(actor, {
        action: 'consultation.extension_approved',
        subjectType: 'plan_round',
        subjectId: roundId,
        before: { extensionId, committeeId, replyBy: recipient.replyBy },
        after: { extensionId, committeeId, replyBy },
      });
      await this.tellDecision(roundId, recipient, extension, { approved: true, replyBy, decisionReason: null, decidedBy: personLabelOf(actor) });
      return this.recipientView(roundId, committeeId);
    });
  }

  /** Declines a request with a reason; the reply date stays. */
  async decline(actor: Actor, roundId: string, committeeId: string, extensionId: string, input: ExtensionDeclineInput): Promise<ConsultationRecipientView> {
    refuseIfAny(extensionDeclineViolations(input));
    const reason = input.reason.trim();
    return this.tx.run(async () => {
      const recipient = await this.openRecipient(roundId, committeeId);
      const extension = await this.undecided(roundId, committeeId, extensionId);
      await this.extensions.decline(extensionId, reason, this.by(actor), this.clock.now());
      await this.audit.record(actor, {
        action: 'consultation.extension_declined',
        subjectType: 'plan_round',
        subjectId: roundId,
        before: { extensionId, committeeId, status: 'requested' },
        after: { extensionId, committeeId, status: 'declined', reason },
      });
      await this.tellDecision(roundId, recipient, extension, { approved: false, replyBy: recipient.replyBy, decisionReason: reason, decidedBy: personLabelOf(actor) });
      return this.recipientView(roundId, committeeId);
    });
  }

  /** The recipient as the remiss reads it now (its reply date, status and extensions). */
  private async recipientView(roundId: string, committeeId: string): Promise<ConsultationRecipientView> {
    const view = await this.consultations.view(roundId, this.rounds.today());
    return view!.recipients.find((r) => r.committeeId === committeeId)!;
  }

  private by(actor: Actor): { personId: string | null; name: string } {
    return { personId: actor.personId ?? null, name: personLabelOf(actor) ?? actor.label };
  }

  /** The round held against a concurrent step and in consultation; the recipient locked. */
  private async openRecipient(roundId: string, committeeId: string): Promise<LockedRecipient> {
    const round = await this.rounds.basics(roundId, true);
    const recipient = await this.extensions.lockRecipient(roundId, committeeId);
    if (!recipient) throw new ConsultationError(ConsultationErrorCode.RECIPIENT_NOT_FOUND, 'Nämnden är inte remissinstans i planomgången', { committeeId });
    if (round.state !== 'consultation') {
      throw new ConsultationError(ConsultationErrorCode.EXTENSION_NOT_ALLOWED, 'Anstånd kan begäras och avgöras bara medan planen är ute på remiss', { state: round.state });
    }
    return recipient;
  }

  private async undecided(roundId: string, committeeId: string, extensionId: string): Promise<LockedExtension> {
    const extension = await this.extensions.lock(roundId, committeeId, extensionId);
    if (!extension) throw new ConsultationError(ConsultationErrorCode.EXTENSION_NOT_FOUND, 'Begäran om anstånd finns inte', { extensionId });
    if (extension.status !== 'requested') throw new ConsultationError(ConsultationErrorCode.EXTENSION_ALREADY_DECIDED, 'Begäran om anstånd är redan avgjord', { extensionId, status: extension.status });
    return extension;
  }

  private async tellDecision(
    roundId: string,
    recipient: LockedRecipient,
    extension: LockedExtension,
    decision: { approved: boolean; replyBy: string; decisionReason: string | null; decidedBy: string | null },
  ): Promise<void> {
    const heading = await this.consultations.roundHeading(roundId);
    for (const s of await this.consultations.secretariesOfRecipients(roundId, recipient.committeeId)) {
      await this.outbox.enqueue(
        'consultation.extension_decided',
        { email: s.email, name: s.name, personId: s.personId },
        {
          roundTitle: heading.title,
          caseNumber: heading.caseNumber,
          committeeName: recipient.committeeName,
          requestedReplyBy: extension.requestedReplyBy,
          responseUrl: this.links.consultationResponse(roundId, recipient.committeeId),
          ...decision,
        },
        `consultation.extension_decided:${extension.id}:${s.personId}`,
      );
    }
  }
}
