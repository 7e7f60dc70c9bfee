import { migrateDatabase, schemaDiff, renderMigration } from '@samverka/database';
import { Command, CommandRunner } from 'nest-commander';
import { ServiceContext } from '../service-context';
import { say } from './say';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

@Command({ name: 'db:migrate', description: 'Apply pending database migrations' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly service: ServiceContext) {
    super();
  }

  async run(): Promise<void> {
    const applied = await migrateDatabase((await this.service.open()).get(DataSource));
    say(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  }
}

const MIGRATIONS_DIR = join(process.cwd(), 'libs/database/src/migrations');

@Command({
  name: 'db:generate-migration',
  arguments: '<name>',
  description: 'Write a migration with the SQL that brings the database in line with the entities (development only)',
})
export class GenerateMigrationCommand extends CommandRunner {
  constructor(private readonly service: ServiceContext) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error('The name must be PascalCase, e.g. AddPlanRounds');
    const dataSource = (await this.service.open()).get(DataSource);
    await migrateDatabase(dataSource);
    const diff = await schemaDiff(dataSource);
    if (diff.up.length === 0) {
      say('the entities and the database agree: no migration needed');
      return;
    }
    const timestamp = Date.now();
    const file = `${timestamp}-${name}`;
    await writeFile(join(MIGRATIONS_DIR, `${file}.ts`), renderMigration(name, timestamp, diff));
    const indexPath = join(MIGRATIONS_DIR, 'index.ts');
    let index = await readFile(indexPath, 'utf8');
    index = index.replace(/^(import [^\n]*\n)(?!import)/m, `$1import { ${name}${timestamp} } from './${file}';\n`);
    index = index.replace(/= \[([\s\S]*?)\];/, (_m, list: string) => `= [${list.trimEnd() ? `${list.trimEnd()}${list.trimEnd().endsWith(',') ? '' : ','}` : ''}\n  ${name}${timestamp},\n];`);
    await writeFile(indexPath, index);
    say(`wrote libs/database/src/migrations/${file}.ts (${diff.up.length} statements) and registered it`);
  }
}
