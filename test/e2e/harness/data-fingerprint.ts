import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

/**
 * "After the run the database holds exactly what the accepted requests wrote" — how the harnesses check it.
 *
 * A fingerprint is one SQL statement: for every table of the schema, its row count and the newest
 * `xmin` among its rows (the id of the transaction that wrote each row version: any committed insert or
 * update raises it, a delete lowers the count; a rolled-back write leaves both as they were). A table
 * of which only some columns count (see below) is fingerprinted by the md5 of those columns instead
 * (rows as text, sorted). The harness sends its requests one at a time and keeps the fingerprint of the
 * data as it last checked it. After every mutating request (and once at the end) it takes a new one:
 *  - the request was refused (any non-2xx/3xx answer, or a form posted without a valid CSRF token):
 *    the fingerprint must equal the last one, so neither that request nor the reads sent since wrote
 *    anything (a half-write of a refused request shows up as a changed table, named in the failure);
 *  - the request was accepted: the new fingerprint becomes the reference, and the API harness reads the
 *    written resource back (its answer must equal what a GET then returns, and carry the fields sent).
 * Tables are found at run time, so a table added later is covered. What is left out, and why:
 *  - `sign_in_attempt`, and the audit rows of refused sign-ins (`auth.sign_in_failed`,
 *    `auth.sign_in_disabled`): refused sign-ins are recorded on purpose (the per-address and
 *    per-account limits count them), in a transaction of their own;
 *  - `auth_session.last_seen_at`: any authenticated request, even a refused one, may touch it (at most
 *    once a minute) — the rest of the session row (revocation included) is checked;
 *  - `oidc_login`: the single sign-on round trip (starting it is a GET that stores its state).
 */
export const LOG_TABLES = ['sign_in_attempt', 'oidc_login'];
const EXCLUDED_COLUMNS: Record<string, string[]> = { auth_session: ['last_seen_at'] };
const ROW_FILTER: Record<string, string> = { audit_event: "action not in ('auth.sign_in_failed', 'auth.sign_in_disabled')" };

export type Fingerprint = Record<string, string>;

export class DataFingerprint {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly sql: string,
    readonly tables: string[],
  ) {}

  static async of(dataSource: DataSource): Promise<DataFingerprint> {
    const columns = await dataSource.query<{ table_name: string; column_name: string }[]>(
      `select c.table_name, c.column_name from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position`,
    );
    const byTable = new Map<string, string[]>();
    for (const { table_name, column_name } of columns) {
      if (LOG_TABLES.includes(table_name) || (EXCLUDED_COLUMNS[table_name] ?? []).includes(column_name)) continue;
      byTable.set(table_name, [...(byTable.get(table_name) ?? []), column_name]);
    }
    const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const parts = [...byTable].map(([table, cols]) => {
      const where = ROW_FILTER[table] ? ` where ${ROW_FILTER[table]}` : '';
      return EXCLUDED_COLUMNS[table]
        ? `select '${table}' as t, count(*) || ':' || md5(coalesce(string_agg(r::text, E'\\n' order by r::text), '')) as f from (select ${cols.map(q).join(', ')} from ${q(table)}${where}) r`
        : `select '${table}' as t, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) as f from ${q(table)}${where}`;
    });
    return new DataFingerprint(dataSource, `select json_object_agg(t, f) as fp from (${parts.join(' union all ')}) x`, [...byTable.keys()]);
  }

  /** (A named statement: planned once per connection, as it runs after every mutating request.) */
  async take(): Promise<Fingerprint> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const { rows } = await pool.query<{ fp: Fingerprint }>({ name: 'harness_data_fingerprint', text: this.sql });
    return rows[0].fp;
  }

  /** The tables whose rows differ between two fingerprints. */
  static changed(before: Fingerprint, after: Fingerprint): string[] {
    return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
  }
}
