export * from './plan-round.guards';
export * from './plan-round.machine';
