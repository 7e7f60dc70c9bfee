import { CLI_ACTOR } from '@samverka/audit';
import { migrateDatabase } from '@samverka/database';
import { Inject } from '@nestjs/common';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { DEMO_PASSWORD, DemoUsersSeeder } from '@samverka/identity';
import { DemoCitySeeder } from '@samverka/organisation';
import { DemoRoundSeeder } from '@samverka/rounds';
import { Command, CommandRunner } from 'nest-commander';
import { ServiceContext } from '../service-context';
import { say } from './say';
import { DataSource } from 'typeorm';

@Command({ name: 'seed:demo', description: 'Load the demo city (a Malmö-like organisation) into an empty database' })
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly service: ServiceContext,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {
    super();
  }

  async run(): Promise<void> {
    if (this.config.app.env === 'production') {
      say('demo data is never loaded in production');
      process.exitCode = 2;
      return;
    }
    const app = await this.service.open();
    await migrateDatabase(app.get(DataSource));
    const seeder = app.get(DemoCitySeeder);
    if (!(await seeder.isEmpty())) {
      say('the database already holds an organisation: nothing loaded');
      process.exitCode = 3;
      return;
    }
    const counts = await seeder.seed(CLI_ACTOR);
    say(
      `loaded ${counts.committees} committees, ${counts.departments} departments, ${counts.people} people and ${counts.assignments} coordinator assignments`,
    );
    const users = await app.get(DemoUsersSeeder).seed(CLI_ACTOR);
    say(`demo users, all with the password ${DEMO_PASSWORD}:`);
    for (const u of users) say(`  ${u.email} (${u.role})`);
    const round = await app.get(DemoRoundSeeder).seed(CLI_ACTOR);
    if (round) say(`plan round "${round.title}" launched: needs due ${round.deadlines.needs}, ${round.participants.length} departments taking part`);
  }
}
