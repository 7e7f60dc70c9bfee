import { Injectable } from '@nestjs/common';
import { LocalDate, Principal, ProvidesTasks, TaskDraft, TaskProvider } from '@samverka/kernel';
import { mayAdministerCoordinators } from '../access/organisation-access.policy';
import { OrganisationTaskRepository } from '../repositories/organisation-task.repository';
import { acknowledgeTask, coverageGapsTask, lacksCoordinatorTask, ORGANISATION_TASK_KINDS } from './organisation-tasks';

/** The caller's own assignment to acknowledge (anyone may have been appointed). */
@Injectable()
@ProvidesTasks(ORGANISATION_TASK_KINDS.acknowledge)
export class AcknowledgeAssignmentTasks implements TaskProvider {
  constructor(private readonly tasks: OrganisationTaskRepository) {}
  appliesTo(p: Principal): boolean {
    return !!p.personId;
  }
  async tasksFor(p: Principal, today: LocalDate): Promise<TaskDraft[]> {
    return (await this.tasks.findUnacknowledgedOf(p.personId, today)).map(acknowledgeTask);
  }
}

/** A manager's department without a coordinator today. */
@Injectable()
@ProvidesTasks(ORGANISATION_TASK_KINDS.lacksCoordinator)
export class LacksCoordinatorTasks implements TaskProvider {
  constructor(private readonly tasks: OrganisationTaskRepository) {}
  appliesTo(p: Principal): boolean {
    return p.management.length > 0;
  }
  async tasksFor(p: Principal, today: LocalDate): Promise<TaskDraft[]> {
    return (await this.tasks.findWithoutPrimaryAmong(p.management, today)).map(lacksCoordinatorTask);
  }
}

/** For the admins who appoint coordinators: the city-wide gaps. */
@Injectable()
@ProvidesTasks(ORGANISATION_TASK_KINDS.coverageGaps)
export class CoverageGapTasks implements TaskProvider {
  constructor(private readonly tasks: OrganisationTaskRepository) {}
  appliesTo(p: Principal): boolean {
    return mayAdministerCoordinators(p);
  }
  async tasksFor(_p: Principal, today: LocalDate): Promise<TaskDraft[]> {
    return coverageGapsTask(await this.tasks.countCoverageGaps(today));
  }
}

export const ORGANISATION_TASK_PROVIDERS = [AcknowledgeAssignmentTasks, LacksCoordinatorTasks, CoverageGapTasks];
