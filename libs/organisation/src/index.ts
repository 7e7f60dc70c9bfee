// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { CommitteeEntity, CoordinatorAssignmentEntity, CoordinatorKind, DepartmentEntity, PersonEntity } from './entities/index';
export { COORDINATOR_KINDS, DEFAULT_RESPONSIBILITIES, NO_DOUBLE_ASSIGNMENT_CONSTRAINT, ONE_PRIMARY_CONSTRAINT } from './entities/index';
export * from './organisation.exception';
export * from './organisation.module';
export * from './access/organisation-access.policy';
export * from './services/organisation-registry.service';
export * from './services/people.service';
export * from './organisation.vocabulary';
export * from './services/coordinator.service';
export * from './services/coverage-alert.service';
export * from './coverage-alerts.module';
export type { CoverageGapRow } from './repositories/coordinator-assignment.repository';
export * from './demo/demo-city.seeder';
export * from './rules/organisation.rules';
export * from './rules/person.rules';
export * from './rules/coordinator-assignment.rules';
export * from './facts/appointment-facts';
