export * from './committee.entity';
export * from './department.entity';
export * from './person.entity';
export * from './coordinator-assignment.entity';
