import { dataSourceOptions, migrateDatabase } from '@samverka/database';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** Set by the global setup: a connection string to the server's maintenance database. */
export const ADMIN_URL_ENV = 'SAMVERKA_TEST_ADMIN_URL';
/** Set by the global setup: the template of this run (its own name, so two runs on one server never touch each other's). */
export const TEMPLATE_ENV = 'SAMVERKA_TEST_TEMPLATE';

function templateDb(): string {
  const name = process.env[TEMPLATE_ENV];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error(`${TEMPLATE_ENV} is not set: run the tests through jest (npm test), whose global setup prepares the database`);
  return name;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function adminUrl(): string {
  const url = process.env[ADMIN_URL_ENV];
  if (!url) throw new Error(`${ADMIN_URL_ENV} is not set: run the tests through jest (npm test), whose global setup prepares the database`);
  return url;
}

async function admin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Builds the migrated template every test database is cloned from (once per test run). */
export async function prepareTemplate(): Promise<void> {
  process.env[TEMPLATE_ENV] = `samverka_test_template_${process.pid}_${randomBytes(3).toString('hex')}`;
  const template = templateDb();
  await admin((c) => c.query(`create database ${template} encoding 'UTF8' template template0`));
  const ds = new DataSource(dataSourceOptions(withDatabase(adminUrl(), template)));
  await ds.initialize();
  try {
    await migrateDatabase(ds);
  } finally {
    await ds.destroy();
  }
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `samverka_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name} template ${templateDb()}`));
  return {
    url: withDatabase(adminUrl(), name),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** Drops this run's template (the end of the run). */
export async function dropTemplate(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (template && process.env[ADMIN_URL_ENV]) await admin((c) => c.query(`drop database if exists ${templateDb()} with (force)`));
}
