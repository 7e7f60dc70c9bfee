// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { DeadlineKind, PlanRoundAreaEntity, PlanRoundEntity, PlanRoundEventEntity, PlanRoundParticipantEntity, RoundHistoryType } from './entities';
export { DEADLINE_REACHED_UNIQUE, ONE_ACTIVE_ROUND_PER_YEAR, ROUND_VERSION_EVENT_UNIQUE } from './entities';
export * from './rounds.exception';
export * from './rounds.module';
export * from './default-areas';
export * from './deadlines';
export * from './services/plan-round.service';
export * from './services/round-deadline.service';
export * from './demo/demo-round.seeder';
export * from './services/plan-round-facts.loader';
