import { CommonError } from '@samverka/kernel';

/** The ETag of a round (its row version) or of another versioned resource, quoted. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version an `If-Match` header names: `3`, `"3"` or `W/"3"`; absent or `*`: none (the step then
 * expects the version it reads). Anything else is refused, naming the header.
 */
export function versionFromIfMatch(header: string | string[] | undefined, whose = 'planomgångens'): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '*' || value === '') return undefined;
  const match = /^(?:W\/)?(?:"(\d{1,9})"|(\d{1,9}))$/.exec(value);
  if (!match) throw CommonError.invalidField('If-Match', 'etag', `If-Match ska innehålla ${whose} version, t.ex. "3"`);
  return Number(match[1] ?? match[2]);
}
