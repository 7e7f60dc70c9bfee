export * from './task';
export * from './task-providers';
