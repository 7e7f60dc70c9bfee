import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService, personLabelOf } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { RecipientDirectory } from '@samverka/identity';
import { Clock, CommonError, refuseIfAny } from '@samverka/kernel';
import { Links, NotificationOutbox } from '@samverka/notifications';
import { CoordinatorService } from '@samverka/organisation';
import { PlanRoundQueryService, RoundBasics } from '@samverka/rounds';
import { PlanError, PlanErrorCode } from '../plan.exception';
import { AskableItem, PlanQuestion, PlanQuestionRepository, QuestionFilter } from '../repositories/plan-question.repository';
import { answerViolations, questionViolations } from '../rules/plan-questions.rules';

export type { AskableItem, PlanQuestion, QuestionFilter } from '../repositories/plan-question.repository';

export interface AskQuestionInput {
  departmentId: string;
  question: string;
}

export interface AnswerQuestionInput {
  answer: string;
}

/** Round states in which departments ask about the plan and strategists answer: from drafting until the round closes. */
export const PLAN_QUESTION_STATES: readonly string[] = ['draftingPlan', 'consultation', 'compilingResponses', 'awaitingDecision', 'followUp'];

/** The strategists' page of every thread. */
export function strategistQuestionsPath(roundId: string): string {
  return `/planomgangar/${roundId}/plan/fragor`;
}

/** A department's page of its threads, with the form to ask. */
export function departmentQuestionsPath(roundId: string, departmentId: string): string {
  return `/planomgangar/${roundId}/ansvarsfordelning/${departmentId}/fragor`;
}

/**
 * Frågor per insats: a department's management or coordinators ask for a clarification about one item;
 * a strategist answers, once. The thread keeps the version it was asked about (the latest frozen
 * version then, or null for the draft) and the item's code and title then. A new question is emailed
 * to the strategists, the answer to the one who asked and the department's coordinators, through the
 * outbox in the same transaction.
 */
@Injectable()
export class PlanQuestionService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly questions: PlanQuestionRepository,
    private readonly rounds: PlanRoundQueryService,
    private readonly directory: RecipientDirectory,
    private readonly coordinators: CoordinatorService,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditService,
    private readonly links: Links,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The round's threads (filtered by department and unanswered), unanswered first. The caller's access decides the departments. */
  async list(roundId: string, filter: QuestionFilter): Promise<PlanQuestion[]> {
    await this.rounds.basics(roundId);
    return this.questions.list(roundId, filter);
  }

  /** The draft's items a department may ask about, marked where it has a role. */
  async askableItems(roundId: string, departmentId: string): Promise<AskableItem[]> {
    await this.rounds.basics(roundId);
    return this.questions.askableItems(roundId, departmentId);
  }

  /** A department asks about an item of the round's plan; the strategists are emailed. */
  async ask(actor: Actor, roundId: string, itemId: string, input: AskQuestionInput): Promise<PlanQuestion> {
    refuseIfAny(questionViolations(input));
    const text = input.question.trim();
    return this.tx.run(async () => {
      const round = await this.openRound(roundId);
      const department = round.participants.find((p) => p.departmentId === input.departmentId);
      if (!department) throw CommonError.unknownReference('departmentId', input.departmentId, 'Förvaltningen deltar inte i planomgången');
      const asked = await this.questions.insert(roundId, itemId, department.departmentId, text, { personId: actor.personId, name: personLabelOf(actor) ?? actor.label }, this.clock.now());
      if (!asked) throw new PlanError(PlanErrorCode.PLAN_ITEM_NOT_FOUND, 'Insatsen finns inte i planen', { itemId });
      await this.audit.record(actor, {
        action: 'plan.question_asked',
        subjectType: 'plan_round',
        subjectId: roundId,
        after: { questionId: asked.id, itemId, itemCode: asked.itemCode, version: asked.version, departmentId: department.departmentId, question: text },
      });
      for (const s of await this.directory.strategists()) {
        await this.outbox.enqueue(
          'plan.question_asked',
          { email: s.email, name: s.name, personId: s.personId },
          {
            roundTitle: round.title,
            departmentName: department.name,
            itemCode: asked.itemCode,
            itemTitle: asked.itemTitle,
            version: asked.version,
            question: text,
            askedBy: asked.askedBy,
            questionsUrl: `${this.links.round(roundId)}/plan/fragor`,
          },
          `plan.question_asked:${asked.id}:${s.userId}`,
        );
      }
      return asked;
    });
  }

  /** A strategist answers a question (once: a second answer is a conflict); the asker and the department's coordinators are emailed. */
  async answer(actor: Actor, roundId: string, questionId: string, input: AnswerQuestionInput): Promise<PlanQuestion> {
    refuseIfAny(answerViolations(input));
    const text = input.answer.trim();
    return this.tx.run(async () => {
      const round = await this.openRound(roundId);
      const question = await this.questions.lock(roundId, questionId);
      if (!question) throw new PlanError(PlanErrorCode.PLAN_QUESTION_NOT_FOUND, 'Frågan finns inte i planomgången', { questionId });
      if (question.answeredAt) throw new PlanError(PlanErrorCode.PLAN_QUESTION_ANSWERED, 'Frågan är redan besvarad', { questionId });
      const by = { personId: actor.personId, name: personLabelOf(actor) ?? actor.label };
      const now = this.clock.now();
      await this.questions.answer(questionId, text, by, now);
      await this.audit.record(actor, { action: 'plan.question_answered', subjectType: 'plan_round', subjectId: roundId, before: { questionId, answer: null }, after: { questionId, answer: text } });
      const answered: PlanQuestion = { ...question, answer: text, answeredBy: by.name, answeredAt: now };
      await this.tellOfAnswer(round, answered, personLabelOf(actor));
      return answered;
    });
  }

  /** The round, held so a workflow step waits, in a state where the plan is discussed. */
  private async openRound(roundId: string): Promise<RoundBasics> {
    const round = await this.rounds.basics(roundId, true);
    if (!PLAN_QUESTION_STATES.includes(round.state)) {
      throw new PlanError(PlanErrorCode.PLAN_NOT_EDITABLE, 'Frågor om planen kan ställas och besvaras från planarbetet tills planomgången avslutas', { state: round.state });
    }
    return round;
  }

  /** To the one who asked and the department's coordinators and deputies (assignment valid today), once per question and person. */
  private async tellOfAnswer(round: RoundBasics, q: PlanQuestion, answeredBy: string | null): Promise<void> {
    const today = this.rounds.today();
    const recipients = new Map<string, { email: string; name: string; personId: string }>();
    const asker = await this.questions.askerOf(q.id);
    if (asker) recipients.set(asker.personId, asker);
    for (const a of await this.coordinators.currentByDepartment([q.departmentId])) {
      if (a.person && this.coordinators.statusOf(a, today) === 'active' && !recipients.has(a.personId)) {
        recipients.set(a.personId, { email: a.person.email, name: a.person.name, personId: a.personId });
      }
    }
    for (const r of recipients.values()) {
      await this.outbox.enqueue(
        'plan.question_answered',
        r,
        {
          roundTitle: round.title,
          departmentName: q.departmentName,
          itemCode: q.itemCode,
          itemTitle: q.itemTitle,
          question: q.question,
          answer: q.answer!,
          answeredBy,
          questionsUrl: `${this.links.round(round.id)}/ansvarsfordelning/${q.departmentId}/fragor`,
        },
        `plan.question_answered:${q.id}:${r.personId}`,
      );
    }
  }
}
