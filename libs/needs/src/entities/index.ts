export * from './reference-item.entity';
export * from './need.entity';
export * from './needs-submission.entity';
