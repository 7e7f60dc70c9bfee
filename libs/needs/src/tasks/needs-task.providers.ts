import { Injectable } from '@nestjs/common';
import { LocalDate, mapSelect, Principal, ProvidesTasks, SqlSelect, TaskDraft, TaskProvider } from '@samverka/kernel';
import { maySteerRounds } from '@samverka/rounds';
import { NeedsTaskRepository } from '../repositories/needs-task.repository';
import { committeeSubmissionTask, endorseTask, handInTask, NEEDS_TASK_KINDS, roundProgressTask } from './needs-tasks';

/** Rounds in which a submission can still be handed in or endorsed. */
const COLLECTING = ['collectingNeeds'];
/** Rounds that are running: launched and neither closed nor cancelled. */
const RUNNING = ['collectingNeeds', 'draftingPlan', 'consultation', 'compilingResponses', 'awaitingDecision', 'followUp'];

/** A coordinator's department's needs to hand in (a draft, or returned with a comment), by the needs deadline. */
@Injectable()
@ProvidesTasks(NEEDS_TASK_KINDS.handIn)
export class HandInNeedsTasks implements TaskProvider {
  constructor(private readonly tasks: NeedsTaskRepository) {}
  appliesTo(p: Principal): boolean {
    return p.coordinator.length > 0;
  }
  taskSelect(p: Principal): SqlSelect<TaskDraft> {
    return mapSelect(this.tasks.selectSubmissions({ departmentIds: p.coordinator }, ['draft', 'returned'], COLLECTING), (rows) => rows.map(handInTask));
  }
}

/** A manager's department's submission handed in and waiting for endorsement. */
@Injectable()
@ProvidesTasks(NEEDS_TASK_KINDS.endorse)
export class EndorseNeedsTasks implements TaskProvider {
  constructor(private readonly tasks: NeedsTaskRepository) {}
  appliesTo(p: Principal): boolean {
    return p.management.length > 0;
  }
  taskSelect(p: Principal): SqlSelect<TaskDraft> {
    return mapSelect(this.tasks.selectSubmissions({ departmentIds: p.management }, ['submitted'], COLLECTING), (rows) => rows.map(endorseTask));
  }
}

/** A committee secretary's committee's departments and where their submissions stand in the running rounds. */
@Injectable()
@ProvidesTasks(NEEDS_TASK_KINDS.committeeSubmissions)
export class CommitteeSubmissionTasks implements TaskProvider {
  constructor(private readonly tasks: NeedsTaskRepository) {}
  appliesTo(p: Principal): boolean {
    return p.committeeSecretary.length > 0;
  }
  taskSelect(p: Principal): SqlSelect<TaskDraft> {
    return mapSelect(
      this.tasks.selectSubmissions({ committeeIds: p.committeeSecretary }, ['draft', 'returned', 'submitted', 'endorsed', 'nothingToReport'], RUNNING),
      (rows) => rows.map(committeeSubmissionTask),
    );
  }
}

/** Every open round for the strategists: progress, and what blocks the next step. */
@Injectable()
@ProvidesTasks(NEEDS_TASK_KINDS.roundProgress)
export class RoundProgressTasks implements TaskProvider {
  constructor(private readonly tasks: NeedsTaskRepository) {}
  appliesTo(p: Principal): boolean {
    return maySteerRounds(p);
  }
  taskSelect(_p: Principal, today: LocalDate): SqlSelect<TaskDraft> {
    return mapSelect(this.tasks.selectOpenRoundProgress(today), (rows) => rows.map((r) => roundProgressTask(r, today)));
  }
}

export const NEEDS_TASK_PROVIDERS = [HandInNeedsTasks, EndorseNeedsTasks, CommitteeSubmissionTasks, RoundProgressTasks];
