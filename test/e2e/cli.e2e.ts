import { acquireEmbeddedPostgres, EmbeddedInstance } from '../../apps/cli/src/embedded/embedded-postgres';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const root = resolve(__dirname, '..', '..');

/** Runs `npm run cli -- <args>` from the TypeScript sources, as an operator would beside a running service. */
function cli(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('JEST')));
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args], {
      cwd: root,
      env: { ...baseEnv, NODE_ENV: 'development', TS_NODE_PROJECT: 'tsconfig.spec.json', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.end(stdin);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('the operator CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverka-cli-'));
  chmodSync(dataDir, 0o755);
  let service: EmbeddedInstance;

  beforeAll(async () => {
    // What `npm start` does first: own the embedded server for this data folder.
    service = await acquireEmbeddedPostgres({ dataDir, port: 54359, mode: 'exclusive', purpose: 'npm start (test)' });
  });
  afterAll(async () => {
    await service?.release();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates and seeds the database of the running service, and refuses to seed twice', async () => {
    const migrate = await cli(['db:migrate'], { DATA_DIR: dataDir });
    expect(migrate.stderr).not.toMatch(/error/i);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(/applied: Organisation/);

    const seed = await cli(['seed:demo'], { DATA_DIR: dataDir });
    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(/loaded 14 committees, 13 departments/);
    expect(seed.stdout).toMatch(/sofia\.berglund@malmo\.example \(admin\)/);
    expect(seed.stdout).toMatch(/plan round "Utvecklingsplan för kontaktcenter \d{4} och framåt" launched: needs due \d{4}-\d{2}-\d{2}, 13 departments taking part/);

    // The service's server is still up (the CLI attached, it did not stop it) and holds the demo city.
    const client = new Client({ connectionString: service.url });
    await client.connect();
    const { rows } = await client.query(`select name from department where code = 'SEF'`);
    await client.end();
    expect(rows).toEqual([{ name: 'Serviceförvaltningen' }]);

    const again = await cli(['seed:demo'], { DATA_DIR: dataDir });
    expect(again.code).toBe(3);
    expect(again.stdout).toMatch(/already holds an organisation/);
  });

  it('creates a user with a password from standard input and a scoped role, and disables it', async () => {
    const created = await cli(
      ['user:create', '--email', 'Ulla.Ek@malmo.example', '--name', 'Ulla Ek', '--role', 'management', '--department', 'KUF'],
      { DATA_DIR: dataDir },
      'ett tillräckligt långt lösenord\n',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/created Ulla\.Ek@malmo\.example \(Ulla Ek\): management \(KUF\)/);

    const client = new Client({ connectionString: service.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select u.password_hash, u.disabled_at from app_user u join person p on p.id = u.person_id where p.email = 'ulla.ek@malmo.example'`,
      );
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
      expect(rows[0].disabled_at).toBeNull();

      const refused = await cli(['user:create', '--email', 'x@malmo.example', '--name', 'X', '--role', 'coordinator'], { DATA_DIR: dataDir }, 'ett tillräckligt långt lösenord\n');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/coordinator is not granted/);
      const short = await cli(['user:create', '--email', 'y@malmo.example', '--name', 'Y'], { DATA_DIR: dataDir }, 'kort\n');
      expect(short.code).toBe(1);
      expect(short.stderr).toMatch(/minst 12 tecken/);
      expect((await client.query(`select 1 from person where email in ('x@malmo.example', 'y@malmo.example')`)).rowCount).toBe(0);

      const disabled = await cli(['user:disable', '--email', 'ulla.ek@malmo.example'], { DATA_DIR: dataDir });
      expect(disabled.code).toBe(0);
      const after = await client.query(`select u.disabled_at from app_user u join person p on p.id = u.person_id where p.email = 'ulla.ek@malmo.example'`);
      expect(after.rows[0].disabled_at).not.toBeNull();
    } finally {
      await client.end();
    }
  });

  it("prints a command's help without a database: nothing started, nothing left running", async () => {
    const idle = mkdtempSync(join(tmpdir(), 'samverka-cli-help-'));
    try {
      const help = await cli(['user:create', '--help'], { DATA_DIR: idle });
      expect(help.stderr).toBe('');
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Usage: .* user:create \[options\]/);
      expect(help.stdout).toMatch(/--email <email>/);

      // An embedded server would have left its cluster and state file in DATA_DIR, and a postgres process on it.
      expect(readdirSync(idle)).toEqual([]);
      const processes = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
      expect(processes.split('\n').filter((line) => line.includes(idle))).toEqual([]);
    } finally {
      rmSync(idle, { recursive: true, force: true });
    }
  });

  it('fails fast listing every bad setting', async () => {
    const res = await cli(['db:migrate'], { DATA_DIR: dataDir, PORT: 'x', SMTP_URL: 'ftp://nope' });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/PORT=/);
    expect(res.stderr).toMatch(/SMTP_URL=/);
  });
});
