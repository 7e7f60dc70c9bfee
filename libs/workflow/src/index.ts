export * from './plan-round.guards';
export * from './plan-round.machine';
export * from './plan-round.vocabulary';
