import type { LocalDate } from '../local-date';
import type { Principal } from '../principal';
import type { SqlSelect } from '../sql-select';

/**
 * Att göra: something a user owes now (hand in needs, endorse, acknowledge an assignment…), derived
 * from the data. Every context that knows an obligation provides its kinds as a `TaskProvider`;
 * `TaskQueryService` runs the providers the principal may see and merges their answers.
 */
export interface Task {
  /** The kind of obligation: "needs.hand_in". */
  kind: string;
  /** What to do, in Swedish, in the second person where it names the reader. */
  title: string;
  /** The last day to do it (in the city's zone), or null when nothing is due on a day. */
  dueOn: LocalDate | null;
  /** `dueOn` is before today in Stockholm. */
  overdue: boolean;
  /** The page where the task is done. */
  href: string;
  roundId?: string;
  departmentId?: string;
  committeeId?: string;
}

/** A task as a provider answers it: `overdue` is the composer's, from the one clock. */
export type TaskDraft = Omit<Task, 'overdue'>;

/**
 * A context's source of one kind of task: one set-based select, scoped by the context's access policy,
 * which the composer folds with the other kinds' into ONE statement (so the select follows
 * `SqlSelect`'s rules: its rows arrive as JSON). `appliesTo` needs only the principal (a role or a
 * reach): the composer leaves out the select of a provider that does not apply.
 */
export interface TaskProvider {
  appliesTo(p: Principal): boolean;
  taskSelect(p: Principal, today: LocalDate): SqlSelect<TaskDraft>;
}

/** Due before today (both `YYYY-MM-DD`, which compare as strings). */
export function isOverdue(dueOn: LocalDate | null, today: LocalDate): boolean {
  return dueOn !== null && dueOn < today;
}

const collator = new Intl.Collator('sv');

/** Newest deadline first, tasks without one last, then by title (Swedish order). */
export function compareTasks(a: Pick<Task, 'dueOn' | 'title'>, b: Pick<Task, 'dueOn' | 'title'>): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? 1 : -1;
  }
  return collator.compare(a.title, b.title);
}

/** The providers' answers as one list: overdue judged against `today`, sorted. */
export function composeTasks(drafts: readonly TaskDraft[], today: LocalDate): Task[] {
  return drafts.map((d) => ({ ...d, overdue: isOverdue(d.dueOn, today) })).sort(compareTasks);
}
