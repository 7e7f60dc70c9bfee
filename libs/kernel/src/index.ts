export * from './domain-error';
export * from './clock';
export * from './local-date';
export * from './working-days';
export * from './kernel.module';
export * from './shutdown';
export * from './field-rules';
export * from './principal';
