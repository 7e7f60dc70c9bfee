/** One page of rows and how many match in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * The rows of a counted-page statement as a page. Such a statement selects the count as an outer row and
 * the page as a left lateral join on it, so a page past the end still says the total: one row with
 * `id` null and the count. Every row carries `total`; `map` sees only the page's own rows.
 */
export function pageOfRows<R extends { id: string | null; total: number }, T>(rows: R[], map: (row: R & { id: string }) => T): Page<T> {
  return { items: rows.filter((r): r is R & { id: string } => r.id !== null).map(map), total: rows[0]?.total ?? 0 };
}
