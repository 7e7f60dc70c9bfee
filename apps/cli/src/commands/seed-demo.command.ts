import { CLI_ACTOR } from '@samverka/audit';
import { migrateDatabase } from '@samverka/database';
import { DemoCitySeeder } from '@samverka/organisation';
import { Command, CommandRunner } from 'nest-commander';
import { say } from './say';
import { DataSource } from 'typeorm';

@Command({ name: 'seed:demo', description: 'Load the demo city (a Malmö-like organisation) into an empty database' })
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seeder: DemoCitySeeder,
  ) {
    super();
  }

  async run(): Promise<void> {
    await migrateDatabase(this.dataSource);
    if (!(await this.seeder.isEmpty())) {
      say('the database already holds an organisation: nothing loaded');
      process.exitCode = 3;
      return;
    }
    const counts = await this.seeder.seed(CLI_ACTOR);
    say(
      `loaded ${counts.committees} committees, ${counts.departments} departments, ${counts.people} people and ${counts.assignments} coordinator assignments`,
    );
  }
}
