/** A row as a select returns it, read by name. */
export type SqlRow = Record<string, unknown>;

/**
 * One set-based select, not yet sent, and how its rows become values. It can run alone
 * (`SqlReader.select`) or be folded with others into one statement (`jsonColumnsStatement`), where its
 * rows arrive through `json_agg`: write it so a row reads the same both ways (dates and timestamps as
 * `::text`, counts as `::int`), and use `$` only for its own parameters `$1…$n`, which are `values`.
 */
export interface SqlSelect<T> {
  readonly sql: string;
  readonly values: readonly unknown[];
  rowsFrom(rows: readonly SqlRow[]): T[];
}

/** `select`, its rows mapped further (one row to any number of values). */
export function mapSelect<T, U>(select: SqlSelect<T>, map: (rows: T[]) => U[]): SqlSelect<U> {
  return { sql: select.sql, values: select.values, rowsFrom: (rows) => map(select.rowsFrom(rows)) };
}

/**
 * Runs selects: the database lib's `TransactionHost` is the one implementation (the kernel knows no
 * database). Both join the caller's transaction when there is one.
 */
export abstract class SqlReader {
  /** The select alone, as one statement. */
  abstract select<T>(select: SqlSelect<T>): Promise<T[]>;
  /** A named (prepared) statement: parsed and planned once per connection; `name` is unique per `text`. */
  abstract prepared<T extends object>(name: string, text: string, values: unknown[]): Promise<T[]>;
}

/** `sql` with its parameters `$1…$n` renumbered from `$offset+1`. */
export function shiftParameters(sql: string, offset: number): string {
  return offset === 0 ? sql : sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}

/**
 * Several selects as ONE statement of one row: the i-th select's rows are the JSON array in column
 * `c{i}`, each select's parameters renumbered after the ones before it. `columnsFrom` reads that row.
 */
export function jsonColumnsStatement(selects: ReadonlyArray<SqlSelect<unknown>>): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const columns = selects.map((s, i) => {
    const sql = shiftParameters(s.sql, values.length);
    values.push(...s.values);
    return `(select coalesce(json_agg(r), '[]'::json) from (${sql}\n) r) as c${i}`;
  });
  return { text: `select ${columns.join(',\n')}`, values };
}

/** The values of each select from the one row `jsonColumnsStatement` returned. */
export function columnsFrom<T>(selects: ReadonlyArray<SqlSelect<T>>, row: SqlRow | undefined): T[][] {
  return selects.map((s, i) => s.rowsFrom(((row?.[`c${i}`] as SqlRow[] | null | undefined) ?? [])));
}
