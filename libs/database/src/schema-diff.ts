import { DataSource } from 'typeorm';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * What the entities want that the database does not have: the SQL TypeORM's
 * schema builder would run. Used to generate migrations and, in the tests, to
 * prove the committed migrations match the entities exactly.
 */
export async function schemaDiff(dataSource: DataSource): Promise<SchemaDiff> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  const sql = (q: { query: string; parameters?: unknown[] }) => {
    if (q.parameters?.length) throw new Error(`Parameterised schema query cannot be written to a migration: ${q.query}`);
    return q.query;
  };
  return { up: log.upQueries.map(sql), down: log.downQueries.map(sql).reverse() };
}

export function renderMigration(className: string, timestamp: number, diff: SchemaDiff): string {
  const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className}${timestamp} implements MigrationInterface {
  name = '${className}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(diff.up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(diff.down)}
  }
}
`;
}
