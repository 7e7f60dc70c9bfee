export * from './database.module';
export * from './transaction-host';
export * from './postgres-errors';
export * from './naming-strategy';
export * from './data-source-options';
export * from './migrate';
export * from './database-url';
export * from './schema-diff';
