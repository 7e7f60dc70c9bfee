// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { DeadlineKind, PlanRoundAreaEntity, PlanRoundEntity, PlanRoundEventEntity, PlanRoundParticipantEntity, RoundHistoryType } from './entities/index';
export { DEADLINE_REACHED_UNIQUE, ONE_ACTIVE_ROUND_PER_YEAR, ROUND_VERSION_EVENT_UNIQUE } from './entities/index';
export * from './rounds.exception';
export * from './rounds.module';
export * from './access/round-access.policy';
export * from './default-areas';
export * from './deadlines';
export * from './plan-round.model';
export * from './rules/plan-round.rules';
export * from './services/plan-round-command.service';
export * from './services/plan-round-step.service';
export * from './services/plan-round-query.service';
export * from './services/plan-round-view.assembler';
export * from './services/round-deadline.service';
export * from './demo/demo-round.seeder';
export { ProvidesRoundFacts, ROUND_FACT_KINDS } from './facts/round-fact-provider';
export type { ParticipantProgress, RoundFactKind, RoundFactKinds, RoundFactProvider } from './facts/round-fact-provider';
export type { RoundFacts } from './facts/plan-round-facts.loader';
