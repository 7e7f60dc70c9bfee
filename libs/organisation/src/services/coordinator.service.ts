import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService, personLabelOf } from '@samverka/audit';
import { DatabaseNotifications, isPgError, PG, PRINCIPAL_CHANGED, TransactionHost } from '@samverka/database';
import { Links, NotificationOutbox } from '@samverka/notifications';
import { addDays, Clock, CommonError, formatSwedishDate, LocalDate, localDateInCity, refuseIfAny } from '@samverka/kernel';
import {
  CoordinatorAssignmentEntity,
  CoordinatorKind,
  DEFAULT_RESPONSIBILITIES,
  NO_DOUBLE_ASSIGNMENT_CONSTRAINT,
  ONE_PRIMARY_CONSTRAINT,
} from '../entities/coordinator-assignment.entity';
import { DepartmentEntity } from '../entities/department.entity';
import { AppointmentFacts } from '../facts/appointment-facts';
import { OrganisationError, OrganisationErrorCode } from '../organisation.exception';
import {
  CoordinatorAssignmentRepository,
  CoverageGapRow,
  DepartmentCoveragePage,
  DepartmentCoverageState,
} from '../repositories/coordinator-assignment.repository';
import { DepartmentRepository } from '../repositories/department.repository';
import { PersonRepository } from '../repositories/person.repository';
import { appointmentViolations, cleanResponsibilities, endingViolations } from '../rules/coordinator-assignment.rules';
import { PeopleService, PersonInput } from './people.service';

export interface AppointCoordinatorInput {
  /** An existing person, or… */
  personId?: string;
  /** …a new one, created in the same transaction. */
  person?: PersonInput;
  kind: CoordinatorKind;
  mandate: string;
  responsibilities?: string[];
  validFrom: LocalDate;
  validTo?: LocalDate | null;
}

export interface EndAssignmentInput {
  /** Last valid day; defaults to today (Europe/Stockholm). */
  validTo?: LocalDate;
  reason?: string;
}

export type AssignmentStatus = 'scheduled' | 'active' | 'ended';

export interface CoverageReport {
  date: LocalDate;
  /** One page of each section: at most the page's `limit` rows, from its `offset`. */
  withoutPrimary: CoverageGapRow[];
  unacknowledged: CoordinatorAssignmentEntity[];
  endingSoon: CoordinatorAssignmentEntity[];
  /** How many rows each section has in all. */
  totals: { withoutPrimary: number; unacknowledged: number; endingSoon: number };
  /** How far ahead "ending soon" looks. */
  endingWithinDays: number;
}

export const ENDING_SOON_DAYS = 30;

/** Rows of each coverage section when the caller names no page: the answer stays bounded however large the city. */
export const COVERAGE_SECTION_LIMIT = 100;

const snapshot = (a: CoordinatorAssignmentEntity) => ({
  departmentId: a.departmentId,
  personId: a.personId,
  kind: a.kind,
  mandate: a.mandate,
  responsibilities: a.responsibilities,
  validFrom: a.validFrom,
  validTo: a.validTo,
  acknowledgedAt: a.acknowledgedAt,
  endReason: a.endReason,
});

/** Coordinator assignments (samordnare för medborgarservice and ersättare) and coverage. */
@Injectable()
export class CoordinatorService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly assignments: CoordinatorAssignmentRepository,
    private readonly departments: DepartmentRepository,
    private readonly people: PersonRepository,
    private readonly peopleService: PeopleService,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
    @Inject(Clock) private readonly clock: Clock,
    private readonly links: Links,
    private readonly facts: AppointmentFacts,
    private readonly notifications: DatabaseNotifications,
  ) {}

  /**
   * A change to who coordinates what, in one transaction; returns once every API process has dropped the
   * principals it cached (a coordinator's reach follows from their assignments), as a revoked role does.
   */
  private async changeReach<T>(work: () => Promise<T>): Promise<T> {
    if (this.tx.inTransaction) return work();
    const result = await this.tx.run(work);
    await this.notifications.barrier(PRINCIPAL_CHANGED);
    return result;
  }

  today(): LocalDate {
    return localDateInCity(this.clock.now());
  }

  statusOf(a: Pick<CoordinatorAssignmentEntity, 'validFrom' | 'validTo'>, day: LocalDate = this.today()): AssignmentStatus {
    if (a.validFrom > day) return 'scheduled';
    if (a.validTo !== null && a.validTo < day) return 'ended';
    return 'active';
  }

  async get(id: string): Promise<CoordinatorAssignmentEntity> {
    const assignment = await this.assignments.findById(id);
    if (!assignment) throw CommonError.notFound('Uppdraget', id);
    return assignment;
  }

  /** Current and scheduled assignments of a department, or its whole history. */
  async listForDepartment(departmentId: string, history = false): Promise<CoordinatorAssignmentEntity[]> {
    if (history) return (await this.departmentWithHistory(departmentId)).history;
    await this.requireDepartment(departmentId);
    return this.assignments.findCurrentAndUpcoming(this.today(), [departmentId]);
  }

  /** A department (with its committee) and every assignment ever made in it, newest first: one statement. */
  async departmentWithHistory(departmentId: string): Promise<{ department: DepartmentEntity; history: CoordinatorAssignmentEntity[] }> {
    const found = await this.assignments.findDepartmentWithHistory(departmentId);
    if (!found) throw CommonError.notFound('Förvaltningen', departmentId);
    return found;
  }

  /**
   * One page of the departments by name with their current and scheduled assignments, found by part
   * of the name, code or committee, narrowed to a coverage state today: one statement.
   */
  departmentCoveragePage(query: { search?: string; state?: DepartmentCoverageState }, paging: { limit: number; offset: number }): Promise<DepartmentCoveragePage> {
    const day = this.today();
    return this.assignments.findDepartmentCoveragePage(
      { search: query.search?.trim() || null, state: query.state ?? null, day, endingUntil: addDays(day, ENDING_SOON_DAYS) },
      paging.limit,
      paging.offset,
    );
  }

  /** A person's own current and scheduled assignments still to acknowledge (active departments): one statement. */
  unacknowledgedOf(personId: string): Promise<CoordinatorAssignmentEntity[]> {
    return this.assignments.findUnacknowledgedOf(personId, this.today());
  }

  /** Current and scheduled assignments of many departments at once (no query per department). */
  currentByDepartment(departmentIds?: string[]): Promise<CoordinatorAssignmentEntity[]> {
    return this.assignments.findCurrentAndUpcoming(this.today(), departmentIds);
  }

  /** The departments a person coordinates today (primary or deputy): their coordinator access follows from this. */
  departmentsCoordinatedBy(personId: string): Promise<string[]> {
    return this.assignments.findDepartmentIdsCoordinatedBy(personId, this.today());
  }

  async appoint(actor: Actor, departmentId: string, input: AppointCoordinatorInput): Promise<CoordinatorAssignmentEntity> {
    refuseIfAny(appointmentViolations(input));
    const validTo = input.validTo ?? null;
    const responsibilities = cleanResponsibilities(input.responsibilities ?? DEFAULT_RESPONSIBILITIES);

    return this.changeReach(async () => {
      // Lock the department: appointments in one department happen one at a time.
      const department = await this.departments.lockById(departmentId);
      if (!department) throw CommonError.notFound('Förvaltningen', departmentId);
      if (!department.active) {
        throw new OrganisationError(OrganisationErrorCode.DEPARTMENT_INACTIVE, `${department.name} är inaktiverad`, { departmentId });
      }
      const personId = input.personId ?? (await this.peopleService.create(actor, input.person!)).id;
      const person = await this.people.findById(personId);
      if (!person) throw CommonError.unknownReference('personId', personId, `Personen ${personId} finns inte`);

      const sameperson = await this.assignments.findOverlappingForPerson(departmentId, personId, input.validFrom, validTo);
      if (input.kind === 'primary') {
        await this.makeRoomForPrimary(actor, department, input.validFrom, validTo, personId);
      } else if (sameperson.length > 0) {
        throw this.overlap(`${person.name} har redan ett uppdrag i ${department.name} under perioden`, sameperson);
      }

      let saved: CoordinatorAssignmentEntity;
      try {
        saved = await this.assignments.save(
          this.assignments.create({
            departmentId,
            personId,
            kind: input.kind,
            mandate: input.mandate.trim(),
            responsibilities,
            validFrom: input.validFrom,
            validTo,
            appointedById: actor.personId,
            acknowledgedAt: null,
            endReason: null,
          }),
        );
      } catch (e) {
        if (isPgError(e, PG.EXCLUSION_VIOLATION, ONE_PRIMARY_CONSTRAINT)) {
          throw this.overlap(`${department.name} har redan en samordnare under perioden`, []);
        }
        if (isPgError(e, PG.EXCLUSION_VIOLATION, NO_DOUBLE_ASSIGNMENT_CONSTRAINT)) {
          throw this.overlap(`${person.name} har redan ett uppdrag i ${department.name} under perioden`, []);
        }
        throw e;
      }
      const running = await this.facts.runningRoundFor(departmentId, this.today());
      await this.audit.record(actor, {
        action: 'coordinator.appointed',
        subjectType: 'coordinator_assignment',
        subjectId: saved.id,
        after: snapshot(saved),
      });
      // The email commits with the assignment, or neither does; its key makes it one email per assignment, ever.
      await this.outbox.enqueue(
        'coordinator.appointed',
        { email: person.email, name: person.name, personId: person.id },
        {
          departmentName: department.name,
          kind: saved.kind,
          mandate: saved.mandate,
          responsibilities: saved.responsibilities,
          validFrom: saved.validFrom,
          validTo: saved.validTo,
          acknowledgeUrl: this.links.acknowledgeAssignment(departmentId, saved.id),
          appointedBy: personLabelOf(actor),
          round: running ? { title: running.roundTitle, needsDeadline: running.needsDeadline } : null,
        },
        `coordinator.appointed:${saved.id}`,
      );
      return this.get(saved.id);
    });
  }

  /**
   * A new primary ends the previous one the day before it starts. Any primary
   * that starts on or after the new one's first day cannot be ended that way:
   * that overlap is a conflict the person appointing must resolve.
   */
  private async makeRoomForPrimary(actor: Actor, department: DepartmentEntity, from: LocalDate, to: LocalDate | null, personId: string) {
    const overlapping = await this.assignments.findOverlappingPrimaries(department.id, from, to);
    const blocking = overlapping.filter((p) => p.validFrom >= from);
    if (blocking.length > 0) {
      const b = blocking[0];
      throw this.overlap(
        `${department.name} har redan ${b.person?.name ?? 'en annan person'} som samordnare från ${formatSwedishDate(b.validFrom)}` +
          (b.validTo ? ` till ${formatSwedishDate(b.validTo)}` : '') +
          '; avsluta eller ändra det uppdraget först',
        blocking,
      );
    }
    for (const previous of overlapping) {
      const before = snapshot(previous);
      previous.validTo = addDays(from, -1);
      previous.endReason = previous.personId === personId ? 'Ersatt av nytt uppdrag' : 'Ersatt av ny samordnare';
      await this.saveOnly(previous);
      await this.audit.record(actor, {
        action: 'coordinator.replaced',
        subjectType: 'coordinator_assignment',
        subjectId: previous.id,
        before,
        after: snapshot(previous),
      });
    }
  }

  /** The appointed person confirms the assignment. Repeating it changes nothing. */
  acknowledge(actor: Actor, id: string): Promise<CoordinatorAssignmentEntity> {
    return this.tx.run(async () => {
      const assignment = await this.get(id);
      if (assignment.acknowledgedAt) return assignment;
      if (this.statusOf(assignment) === 'ended') {
        throw new OrganisationError(OrganisationErrorCode.ASSIGNMENT_ENDED, 'Uppdraget har redan upphört och kan inte bekräftas', { id });
      }
      const before = snapshot(assignment);
      assignment.acknowledgedAt = this.clock.now();
      await this.saveOnly(assignment);
      await this.audit.record(actor, { action: 'coordinator.acknowledged', subjectType: 'coordinator_assignment', subjectId: id, before, after: snapshot(assignment) });
      return this.get(id);
    });
  }

  /** Ends an assignment on a given last day (default today). An assignment can be shortened, never lengthened. */
  end(actor: Actor, id: string, input: EndAssignmentInput): Promise<CoordinatorAssignmentEntity> {
    return this.changeReach(async () => {
      const assignment = await this.get(id);
      const today = this.today();
      if (this.statusOf(assignment, today) === 'ended') {
        throw new OrganisationError(OrganisationErrorCode.ASSIGNMENT_ENDED, `Uppdraget upphörde redan ${formatSwedishDate(assignment.validTo!)}`, { id });
      }
      refuseIfAny(endingViolations(input, { validFrom: assignment.validFrom, validTo: assignment.validTo, today }));
      const validTo = input.validTo ?? today;
      const before = snapshot(assignment);
      assignment.validTo = validTo;
      assignment.endReason = input.reason?.trim() || 'Avslutat';
      await this.saveOnly(assignment);
      await this.audit.record(actor, { action: 'coordinator.ended', subjectType: 'coordinator_assignment', subjectId: id, before, after: snapshot(assignment) });
      return this.get(id);
    });
  }

  /** Active departments without a primary on `day` (default today), each with the day its gap began: one query. */
  departmentsWithoutPrimary(day: LocalDate = this.today()): Promise<CoverageGapRow[]> {
    return this.assignments.findDepartmentsWithoutPrimary(day);
  }

  /**
   * Which active departments lack a primary today, which assignments are unacknowledged, which end within
   * 30 days: one page of each (the same `limit` and `offset` for all three) with each one's total, in one statement.
   */
  async coverage(page: { limit: number; offset: number } = { limit: COVERAGE_SECTION_LIMIT, offset: 0 }): Promise<CoverageReport> {
    const date = this.today();
    const sections = await this.assignments.findCoverage(date, addDays(date, ENDING_SOON_DAYS), page);
    return { date, ...sections, endingWithinDays: ENDING_SOON_DAYS };
  }

  private async saveOnly(assignment: CoordinatorAssignmentEntity): Promise<void> {
    const { person, department, appointedBy, ...columns } = assignment;
    void person;
    void department;
    void appointedBy;
    await this.assignments.save(columns as CoordinatorAssignmentEntity);
  }

  private async requireDepartment(id: string): Promise<void> {
    if (!(await this.departments.findById(id))) throw CommonError.notFound('Förvaltningen', id);
  }

  private overlap(message: string, conflicting: CoordinatorAssignmentEntity[]): OrganisationError {
    return new OrganisationError(OrganisationErrorCode.ASSIGNMENT_OVERLAP, message, {
      conflictingAssignmentIds: conflicting.map((c) => c.id),
    });
  }
}
