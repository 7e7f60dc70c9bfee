export * from './entities';
export * from './rounds.exception';
export * from './rounds.module';
export * from './default-areas';
export * from './deadlines';
export * from './services/plan-round.service';
export * from './services/round-deadline.service';
export * from './demo/demo-round.seeder';
