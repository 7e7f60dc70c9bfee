export * from './plan-round.entity';
export * from './plan-round-area.entity';
export * from './plan-round-participant.entity';
export * from './plan-round-event.entity';
