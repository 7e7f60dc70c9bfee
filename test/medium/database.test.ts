import { ConsultationModule } from '@samverka/consultation';
import { schemaDiff } from '@samverka/database';
import { acquireEmbeddedPostgres, EmbeddedDatabaseInUseError } from '../../apps/cli/src/embedded/embedded-postgres';
import { IdentityModule } from '@samverka/identity';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { RoundsModule } from '@samverka/rounds';
import { NeedsModule } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { mediumContext } from '../support/medium';

describe('database schema', () => {
  it('is exactly what the entities describe: the committed migrations leave nothing to generate', async () => {
    const ctx = await mediumContext([OrganisationModule, IdentityModule, NotificationsModule, RoundsModule, NeedsModule, PlanModule, ConsultationModule]);
    try {
      const diff = await schemaDiff(ctx.dataSource);
      expect(diff.up).toEqual([]);
      const columns: Array<{ data_type: string }> = await ctx.dataSource.query(
        `select data_type from information_schema.columns where table_schema = 'public' and column_name like '%\\_at' escape '\\'`,
      );
      expect(columns.length).toBeGreaterThan(0);
      expect(new Set(columns.map((c) => c.data_type))).toEqual(new Set(['timestamp with time zone']));
    } finally {
      await ctx.close();
    }
  });
});

describe('the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverka-embedded-'));
  chmodSync(dataDir, 0o755); // as root the server runs as the postgres user, which must reach the folder
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts once per data folder, lets others attach, refuses a second exclusive owner, and keeps data between runs', async () => {
    const owner = await acquireEmbeddedPostgres({ dataDir, port: 54349, mode: 'exclusive', purpose: 'test owner' });
    try {
      expect(owner.owned).toBe(true);
      const attached = await acquireEmbeddedPostgres({ dataDir, port: 54349, mode: 'shared', purpose: 'test attach' });
      expect(attached.owned).toBe(false);
      expect(attached.url).toBe(owner.url);
      await expect(acquireEmbeddedPostgres({ dataDir, port: 54349, mode: 'exclusive', purpose: 'second start' })).rejects.toThrow(EmbeddedDatabaseInUseError);

      const client = new Client({ connectionString: owner.url });
      await client.connect();
      await client.query(`create table kept (name text); insert into kept values ('Malmö')`);
      await client.end();
    } finally {
      await owner.release();
    }
    // Stopped: a connection is refused. Started again: the data is still there.
    const refused = new Client({ connectionString: owner.url, connectionTimeoutMillis: 2000 });
    await expect(refused.connect()).rejects.toThrow();
    const again = await acquireEmbeddedPostgres({ dataDir, port: 54349, mode: 'exclusive', purpose: 'restart' });
    try {
      const client = new Client({ connectionString: again.url });
      await client.connect();
      const { rows } = await client.query('select name from kept');
      await client.end();
      expect(rows).toEqual([{ name: 'Malmö' }]);
    } finally {
      await again.release();
    }
  });
});
