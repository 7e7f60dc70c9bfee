import { Injectable } from '@nestjs/common';
import { Principal, ProvidesTasks, SqlSelect, TaskDraft, TaskProvider } from '@samverka/kernel';
import { strategistQuestionsPath } from '../services/plan-question.service';

/** The kinds of task the plan's needs coverage and questions create. */
export const PLAN_QUESTION_TASK_KINDS = {
  questionUnanswered: 'plan.question_unanswered',
  needsUnanswered: 'plan.needs_unanswered',
} as const;

/** The strategists' page of a round's needs coverage. */
export function planNeedsPath(roundId: string): string {
  return `/planomgangar/${roundId}/plan/behov`;
}

/** Each unanswered question about a plan's items, for the strategists: answer it. */
@Injectable()
@ProvidesTasks(PLAN_QUESTION_TASK_KINDS.questionUnanswered)
export class UnansweredQuestionTasks implements TaskProvider {
  appliesTo(p: Principal): boolean {
    return p.strategist;
  }
  taskSelect(): SqlSelect<TaskDraft> {
    type Row = { id: string; round_id: string; round_title: string; department_id: string; department_name: string; item_code: string };
    return {
      sql: `select q.id, q.round_id, r.title as round_title, q.department_id, d.name as department_name, q.item_code
         from plan_item_question q join plan_round r on r.id = q.round_id join department d on d.id = q.department_id
        where q.answered_at is null and r.state not in ('closed', 'cancelled')
        order by q.asked_at, q.id`,
      values: [],
      rowsFrom: (rows) =>
        (rows as unknown as Row[]).map((r) => ({
          kind: PLAN_QUESTION_TASK_KINDS.questionUnanswered,
          title: `Svara på frågan från ${r.department_name} om insats ${r.item_code} i ${r.round_title}`,
          dueOn: null,
          href: strategistQuestionsPath(r.round_id),
          roundId: r.round_id,
          departmentId: r.department_id,
        })),
    };
  }
}

/** One task per round that drafts its plan with handed-in needs neither answered by an item nor deferred. */
@Injectable()
@ProvidesTasks(PLAN_QUESTION_TASK_KINDS.needsUnanswered)
export class UnansweredNeedsTasks implements TaskProvider {
  appliesTo(p: Principal): boolean {
    return p.strategist;
  }
  taskSelect(): SqlSelect<TaskDraft> {
    type Row = { round_id: string; round_title: string; unanswered: number };
    return {
      sql: `select r.id as round_id, r.title as round_title, count(*)::int as unanswered
         from plan_round r
         join need n on n.round_id = r.id
         join needs_submission s on s.round_id = n.round_id and s.department_id = n.department_id and s.status in ('submitted', 'endorsed')
        where r.state = 'draftingPlan'
          and not exists (select 1 from plan_item_need l join plan_item i on i.id = l.item_id and i.round_id = r.id where l.need_id = n.id)
          and not exists (select 1 from plan_need_deferral f where f.need_id = n.id and f.round_id = r.id)
        group by r.id, r.title
        order by r.title, r.id`,
      values: [],
      rowsFrom: (rows) =>
        (rows as unknown as Row[]).map((r) => ({
          kind: PLAN_QUESTION_TASK_KINDS.needsUnanswered,
          title: `${r.unanswered} behov saknar svar i planen för ${r.round_title}`,
          dueOn: null,
          href: planNeedsPath(r.round_id),
          roundId: r.round_id,
        })),
    };
  }
}

export const PLAN_QUESTION_TASK_PROVIDERS = [UnansweredQuestionTasks, UnansweredNeedsTasks];
