export * from './overview.model';
export * from './overview.vocabulary';
export * from './overview.module';
export * from './access/overview-access.policy';
export * from './services/overview.service';
