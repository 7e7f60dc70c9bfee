import { Injectable } from '@nestjs/common';
import { LocalDate, Principal, ProvidesTasks, TaskDraft, TaskProvider } from '@samverka/kernel';
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
  async tasksFor(p: Principal): Promise<TaskDraft[]> {
    return (await this.tasks.findSubmissions({ departmentIds: p.coordinator }, ['draft', 'returned'], COLLECTING)).map(handInTask);
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
  async tasksFor(p: Principal): Promise<TaskDraft[]> {
    return (await this.tasks.findSubmissions({ departmentIds: p.management }, ['submitted'], COLLECTING)).map(endorseTask);
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
  async tasksFor(p: Principal): Promise<TaskDraft[]> {
    return (await this.tasks.findSubmissions({ committeeIds: p.committeeSecretary }, ['draft', 'returned', 'submitted', 'endorsed', 'nothingToReport'], RUNNING)).map(committeeSubmissionTask);
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
  async tasksFor(_p: Principal, today: LocalDate): Promise<TaskDraft[]> {
    return (await this.tasks.findOpenRoundProgress(today)).map((r) => roundProgressTask(r, today));
  }
}

export const NEEDS_TASK_PROVIDERS = [HandInNeedsTasks, EndorseNeedsTasks, CommitteeSubmissionTasks, RoundProgressTasks];
