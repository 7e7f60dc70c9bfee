import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';

/** A department's question about an item, with the answer once given. */
export interface PlanQuestion {
  id: string;
  roundId: string;
  /** The item in the draft (null once it is removed: the thread stays). */
  itemId: string | null;
  /** The item's code and title when the question was asked. */
  itemCode: string;
  itemTitle: string;
  /** The frozen version the question is about (null: the draft, before any version). */
  version: number | null;
  departmentId: string;
  departmentName: string;
  question: string;
  askedBy: string;
  askedAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

export interface QuestionFilter {
  /** Only these departments' threads (undefined: every department). */
  departmentIds?: string[];
  unanswered?: boolean;
}

/** An item of the draft to ask about, and whether the department has a role in it. */
export interface AskableItem {
  id: string;
  code: string;
  title: string;
  areaCode: string;
  hasRole: boolean;
}

interface QuestionRow {
  id: string;
  round_id: string;
  item_id: string | null;
  item_code: string;
  item_title: string;
  version: number | null;
  department_id: string;
  department_name: string;
  question: string;
  asked_by_name: string;
  asked_at: Date;
  answer: string | null;
  answered_by_name: string | null;
  answered_at: Date | null;
}

const SELECT = `select q.id, q.round_id, q.item_id, q.item_code, q.item_title, q.version, q.department_id, d.name as department_name,
                       q.question, q.asked_by_name, q.asked_at, q.answer, q.answered_by_name, q.answered_at
                  from plan_item_question q join department d on d.id = q.department_id`;

const toQuestion = (r: QuestionRow): PlanQuestion => ({
  id: r.id,
  roundId: r.round_id,
  itemId: r.item_id,
  itemCode: r.item_code,
  itemTitle: r.item_title,
  version: r.version,
  departmentId: r.department_id,
  departmentName: r.department_name,
  question: r.question,
  askedBy: r.asked_by_name,
  askedAt: new Date(r.asked_at),
  answer: r.answer,
  answeredBy: r.answered_by_name,
  answeredAt: r.answered_at === null ? null : new Date(r.answered_at),
});

/** The questions about a plan's items, each read or written in one statement. */
@Injectable()
export class PlanQuestionRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Asks about an item of the round's draft, kept with the latest frozen version (null before the first)
   * and the item's code and title as that version has them (the draft's, if the version lacks the item).
   * Null when the item is not in the round's draft.
   */
  async insert(roundId: string, itemId: string, departmentId: string, question: string, askedBy: { personId: string | null; name: string }, at: Date): Promise<PlanQuestion | null> {
    const rows: QuestionRow[] = await this.tx.manager.query(
      `with asked as (
         insert into plan_item_question (round_id, item_id, item_code, item_title, version, department_id, question, asked_by_id, asked_by_name, asked_at)
         select i.round_id, i.id, coalesce(vi.item->>'code', i.code), coalesce(vi.item->>'title', i.title), nullif(p.latest_version, 0), $3, $4, $5, $6, $7
           from plan_item i
           join plan p on p.round_id = i.round_id
           left join plan_version v on v.round_id = p.round_id and v.version = p.latest_version
           left join lateral (
             select it as item from jsonb_array_elements(v.snapshot->'areas') a, jsonb_array_elements(a->'items') it
              where it->>'id' = i.id::text limit 1) vi on true
          where i.id = $2 and i.round_id = $1
         returning *)
       select q.id, q.round_id, q.item_id, q.item_code, q.item_title, q.version, q.department_id, d.name as department_name,
              q.question, q.asked_by_name, q.asked_at, q.answer, q.answered_by_name, q.answered_at
         from asked q join department d on d.id = q.department_id`,
      [roundId, itemId, departmentId, question, askedBy.personId, askedBy.name, at],
    );
    return rows[0] ? toQuestion(rows[0]) : null;
  }

  /** The round's threads, unanswered first (oldest first), then answered (newest answer first). */
  async list(roundId: string, filter: QuestionFilter): Promise<PlanQuestion[]> {
    const rows: QuestionRow[] = await this.tx.manager.query(
      `${SELECT}
        where q.round_id = $1 and ($2::uuid[] is null or q.department_id = any($2::uuid[])) and (not $3 or q.answered_at is null)
        order by q.answered_at is not null, case when q.answered_at is null then q.asked_at end, q.answered_at desc, q.id`,
      [roundId, filter.departmentIds ?? null, filter.unanswered ?? false],
    );
    return rows.map(toQuestion);
  }

  /** One question of the round, locked for answering; null when the round has no such question. */
  async lock(roundId: string, questionId: string): Promise<PlanQuestion | null> {
    const rows: QuestionRow[] = await this.tx.manager.query(`${SELECT} where q.id = $2 and q.round_id = $1 for update of q`, [roundId, questionId]);
    return rows[0] ? toQuestion(rows[0]) : null;
  }

  /** Records the answer (only where none is given yet; the caller holds the row). */
  async answer(questionId: string, answer: string, by: { personId: string | null; name: string }, at: Date): Promise<void> {
    await this.tx.manager.query(
      'update plan_item_question set answer = $2, answered_by_id = $3, answered_by_name = $4, answered_at = $5 where id = $1 and answered_at is null',
      [questionId, answer, by.personId, by.name, at],
    );
  }

  /** Who asked a question, to tell them of the answer (null: a machine, or a person no longer there). */
  async askerOf(questionId: string): Promise<{ personId: string; name: string; email: string } | null> {
    const rows: Array<{ id: string; name: string; email: string }> = await this.tx.manager.query(
      'select p.id, p.name, p.email from plan_item_question q join person p on p.id = q.asked_by_id where q.id = $1',
      [questionId],
    );
    return rows[0] ? { personId: rows[0].id, name: rows[0].name, email: rows[0].email } : null;
  }

  /** The draft's items in plan order, marked where the department has a role. */
  async askableItems(roundId: string, departmentId: string): Promise<AskableItem[]> {
    const rows: Array<{ id: string; code: string; title: string; area_code: string; has_role: boolean }> = await this.tx.manager.query(
      `select i.id, i.code, i.title, i.area_code,
              exists(select 1 from plan_responsibility r where r.item_id = i.id and r.department_id = $2) as has_role
         from plan_item i left join plan_round_area a on a.round_id = i.round_id and a.code = i.area_code
        where i.round_id = $1
        order by a.position nulls last, i.position, i.code`,
      [roundId, departmentId],
    );
    return rows.map((r) => ({ id: r.id, code: r.code, title: r.title, areaCode: r.area_code, hasRole: r.has_role }));
  }
}
