import { MigrationInterface } from 'typeorm';
import { Organisation1795342488891 } from './1795342488891-Organisation';

/** Every migration, oldest first. `npm run cli -- db:generate-migration <Name>` appends here. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Organisation1795342488891,
];
