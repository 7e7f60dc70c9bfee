import { ApiPropertyOptional } from '@nestjs/swagger';
import type { HeaderObject } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';

/*
 * Paging for the API's long lists (departments, people, users): `?limit=&offset=`, the answer
 * stays the JSON array it always was, and the headers say the rest: `X-Total-Count` (how many
 * match in all) and `Link` with rel="next" / rel="prev" when there is a page after / before.
 */

/** Rows in a page when no `limit` is given: more than a city of the demo's size has (13 departments). */
export const DEFAULT_PAGE_LIMIT = 100;
/** The most rows a page holds: `limit` above it is a 400 naming `limit`. */
export const MAX_PAGE_LIMIT = 200;
/** Far beyond any list there is, and within every integer type the database has. */
export const MAX_PAGE_OFFSET = 1_000_000_000;

export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT, description: `rows in the page (at most ${MAX_PAGE_LIMIT})` })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0, description: 'rows to skip' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_PAGE_OFFSET)
  offset?: number;
}

/** The page a query asks for, with the defaults. */
export const pagingOf = (query: PageQueryDto): { limit: number; offset: number } => ({ limit: query.limit ?? DEFAULT_PAGE_LIMIT, offset: query.offset ?? 0 });

/** The headers of a paged list's answer (for `@ApiAnswer(200, [Dto], { headers: PAGE_HEADERS })`). */
export const PAGE_HEADERS: Record<string, HeaderObject> = {
  'X-Total-Count': { description: 'how many rows match the filter in all', required: true, schema: { type: 'integer', minimum: 0 } },
  Link: {
    description: 'the pages after and before this one, when there are: `</api/v1/departments?limit=100&offset=100>; rel="next"` (RFC 8288)',
    required: false,
    schema: { type: 'string' },
  },
};

/** The same address with another offset (and the limit used), other query parameters kept. */
function pageAddress(url: string, limit: number, offset: number): string {
  const [path, query = ''] = url.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return `${path}?${params.toString()}`;
}

/** Sets X-Total-Count and Link on the answer to the request `reply` belongs to. */
export function setPageHeaders(reply: FastifyReply, page: { total: number; limit: number; offset: number }): void {
  const { total, limit, offset } = page;
  const links: string[] = [];
  if (offset + limit < total) links.push(`<${pageAddress(reply.request.url, limit, offset + limit)}>; rel="next"`);
  if (offset > 0) links.push(`<${pageAddress(reply.request.url, limit, Math.max(0, Math.min(offset, total) - limit))}>; rel="prev"`);
  void reply.header('X-Total-Count', String(total));
  if (links.length > 0) void reply.header('Link', links.join(', '));
}
