export * from './entities';
export * from './needs.exception';
export * from './needs.module';
export * from './services/reference-data.service';
export * from './services/need.service';
export * from './services/submission.service';
export type { NeedFilter, NeedRow } from './repositories/need.repository';
export type { SubmissionRow } from './repositories/submission.repository';
