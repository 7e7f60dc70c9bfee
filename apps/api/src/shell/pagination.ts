/**
 * Paging for the pages (the web UI): `?sida=` is the page number (1 when absent or not a page
 * number), and the pagination nav links the pages before and after, and the numbered pages
 * around the current one, with the current page marked `aria-current="page"`.
 */

/** The query parameter of the page number: `?sida=2`. */
export const PAGE_PARAM = 'sida';

/** The highest page number taken from an address (beyond it, page 1). */
const MAX_PAGE = 100_000;

/** The page number a query asks for: a whole number from 1, otherwise 1. */
export function readPageNumber(raw: unknown): number {
  return typeof raw === 'string' && /^[1-9][0-9]{0,5}$/.test(raw) && Number(raw) <= MAX_PAGE ? Number(raw) : 1;
}

/** The offset of a page (1-based) of `pageSize` rows. */
export const offsetOf = (page: number, pageSize: number): number => (page - 1) * pageSize;

export interface PaginationItem {
  /** The page number, or null for the gap (…) between numbers far apart. */
  number: number | null;
  href: string | null;
  current: boolean;
}

export interface PaginationModel {
  /** The nav's accessible name: "Sidor med förvaltningar". */
  label: string;
  previous: string | null;
  next: string | null;
  items: PaginationItem[];
  /** "Sida 2 av 7". */
  status: string;
}

/**
 * The nav for page `page` of `total` rows, `pageSize` a page, or null when everything fits on one
 * page and that page is shown. `link(n)` is page n's address. A page past the end still links back.
 */
export function pagination(options: { page: number; pageSize: number; total: number; label: string; link: (page: number) => string }): PaginationModel | null {
  const { page, pageSize, total, label, link } = options;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1 && page === 1) return null;
  // The first and last pages, and the current one with one either side; a gap stands for the rest.
  const shown = [...new Set([1, page - 1, page, page + 1, pages].filter((n) => n >= 1 && n <= pages))].sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1] > 1) items.push({ number: null, href: null, current: false });
    items.push({ number: n, href: link(n), current: n === page });
  });
  return {
    label,
    previous: page > 1 ? link(Math.min(page - 1, pages)) : null,
    next: page < pages ? link(page + 1) : null,
    items,
    status: `Sida ${page} av ${pages}`,
  };
}
