export * from './entities/index';
export * from './organisation.exception';
export * from './organisation.module';
export * from './services/organisation-registry.service';
export * from './services/people.service';
export * from './organisation.vocabulary';
export * from './services/coordinator.service';
export type { CoverageGapRow } from './repositories/coordinator-assignment.repository';
export * from './demo/demo-city.seeder';
