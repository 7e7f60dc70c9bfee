// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { DigestDeliveryEntity, DigestDeliveryKind } from './entities/index';
export * from './digests.module';
export * from './digests.vocabulary';
export * from './digest-schedule';
export * from './digest-composer';
export * from './services/digest.service';
export type { NewDelivery as DigestDelivery, DigestSweepFigures } from './repositories/digest.repository';
