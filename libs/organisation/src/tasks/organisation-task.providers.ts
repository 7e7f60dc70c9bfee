import { Injectable } from '@nestjs/common';
import { LocalDate, mapSelect, Principal, ProvidesTasks, SqlSelect, TaskDraft, TaskProvider } from '@samverka/kernel';
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
  taskSelect(p: Principal, today: LocalDate): SqlSelect<TaskDraft> {
    return mapSelect(this.tasks.selectUnacknowledgedOf(p.personId, today), (rows) => rows.map(acknowledgeTask));
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
  taskSelect(p: Principal, today: LocalDate): SqlSelect<TaskDraft> {
    return mapSelect(this.tasks.selectWithoutPrimaryAmong(p.management, today), (rows) => rows.map(lacksCoordinatorTask));
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
  taskSelect(_p: Principal, today: LocalDate): SqlSelect<TaskDraft> {
    return mapSelect(this.tasks.selectCoverageGaps(today), (rows) => rows.flatMap(coverageGapsTask));
  }
}

export const ORGANISATION_TASK_PROVIDERS = [AcknowledgeAssignmentTasks, LacksCoordinatorTasks, CoverageGapTasks];
