import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { Clock, refuseIfAny } from '@samverka/kernel';
import { PlanRoundQueryService } from '@samverka/rounds';
import { ConsultationError, ConsultationErrorCode } from '../consultation.exception';
import type { PrepareConsultationInput } from '../consultation.model';
import { ConsultationRepository, ConsultationView, PrepareOptions } from '../repositories/consultation.repository';
import { prepareReferenceViolations, prepareShapeViolations, refuseReferences } from '../rules/consultation.rules';

export type { ConsultationExtensionView, ConsultationRecipientView, ConsultationView, PrepareOptions } from '../repositories/consultation.repository';

/** The status page of a round's remiss (vem har svarat). */
export function consultationPath(roundId: string): string {
  return `/planomgangar/${roundId}/remiss`;
}

/** The strategists' form to prepare the remiss. */
export function prepareConsultationPath(roundId: string): string {
  return `/planomgangar/${roundId}/remiss/forbered`;
}

/** A committee's response page (built by the responding feature). */
export function committeeResponsePath(roundId: string, committeeId: string): string {
  return `/planomgangar/${roundId}/remiss/${committeeId}`;
}

/** A committee secretary's form to ask for an extension. */
export function extensionRequestPath(roundId: string, committeeId: string): string {
  return `/planomgangar/${roundId}/remiss/${committeeId}/anstand`;
}

/**
 * Remiss: the strategists prepare it while the plan is drafted (the frozen version, the common reply
 * date, the recipients, the cover letter, the contact person and the questions) and anyone who may
 * read the round reads it with each recipient's status. SEND_FOR_CONSULTATION sends it
 * (`ConsultationSendEffect`).
 */
@Injectable()
export class ConsultationService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly consultations: ConsultationRepository,
    private readonly rounds: PlanRoundQueryService,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Prepares (or prepares again, replacing questions and recipients) the remiss of a round drafting its
   * plan. Once sent, the round drafts its plan again only after the executive board returned it: preparing
   * then starts the remiss's next sending (`startNextSending`), the earlier sending's responses kept. Shape violations are 400, unknown references (version, committees, contact
   * person, areas) 422, every one at once; nothing is written unless all hold.
   */
  async prepare(actor: Actor, roundId: string, input: PrepareConsultationInput): Promise<ConsultationView> {
    const today = this.rounds.today();
    refuseIfAny(prepareShapeViolations(input, today));
    return this.tx.run(async () => {
      const round = await this.rounds.basics(roundId, true);
      const sentAt = await this.consultations.lockSentAt(roundId);
      if (round.state !== 'draftingPlan') {
        throw new ConsultationError(ConsultationErrorCode.CONSULTATION_NOT_EDITABLE, 'Remissen kan förberedas bara medan planen tas fram', { state: round.state });
      }
      const refs = await this.consultations.prepareReferences(roundId, input.contactPersonId ?? null);
      refuseReferences(prepareReferenceViolations(input, { ...refs, today, areaCodes: round.areas.map((a) => a.code) }));
      const committeeIds = input.committeeIds ? [...new Set(input.committeeIds)] : refs.committees.filter((c) => c.active).map((c) => c.id);
      const before = await this.consultations.view(roundId, today);
      // Sent before and drafting again: the plan was returned; this prepares the remiss's next sending.
      const sending = sentAt ? await this.consultations.startNextSending(roundId, this.clock.now(), actor.label) : (before?.sending ?? 1);
      await this.consultations.replace(roundId, input, committeeIds);
      await this.audit.record(actor, {
        action: sentAt ? 'consultation.preparedAgain' : 'consultation.prepared',
        subjectType: 'plan_round',
        subjectId: roundId,
        before: before ? { planVersion: before.planVersion, replyBy: before.replyBy, committeeIds: before.recipients.map((r) => r.committeeId) } : null,
        after: { sending, planVersion: input.planVersion, replyBy: input.replyBy, committeeIds, contactPersonId: input.contactPersonId ?? null, questions: (input.questions ?? []).length },
      });
      return (await this.consultations.view(roundId, today))!;
    });
  }

  /** The round's remiss with every recipient's status, reply date and extensions; 404 CONSULTATION_NOT_FOUND when none is prepared. */
  async get(roundId: string): Promise<ConsultationView> {
    const view = await this.find(roundId);
    if (!view) throw new ConsultationError(ConsultationErrorCode.CONSULTATION_NOT_FOUND, 'Ingen remiss är förberedd för planomgången', { roundId });
    return view;
  }

  /** What the prepare form offers: the frozen versions, the active committees, the strategists as contact persons. */
  prepareOptions(roundId: string): Promise<PrepareOptions> {
    return this.consultations.prepareOptions(roundId);
  }

  /** The round's remiss, or null when none is prepared (404 when the round does not exist). */
  async find(roundId: string): Promise<ConsultationView | null> {
    await this.rounds.basics(roundId);
    return this.consultations.view(roundId, this.rounds.today());
  }
}
