/**
 * Item codes (`LS-3`): the area's prefix and a number. The prefix is the initials of a multi-word
 * area code (`LOKAL_SERVICE` → `LS`), the first two letters of a one-word code (`DIGITALISERING` →
 * `DI`), lengthened with the next letters of the (last) word while two of the round's areas would
 * share it (`LOKAL_SERVICE`, `LOKAL_SAMVERKAN` → `LSE`, `LSA`). The number is one above the highest
 * used with that prefix in the draft and every frozen version, so a removed item's code never returns.
 */

const MAX_PREFIX = 6;

function wordsOf(areaCode: string): string[] {
  return areaCode
    .toUpperCase()
    .split(/[^A-ZÅÄÖ]+/)
    .filter((w) => w !== '');
}

/** The area's prefix lengthened `extra` letters beyond its base form (capped at 6 letters). */
function prefixAt(areaCode: string, extra: number): string {
  const words = wordsOf(areaCode);
  if (words.length === 0) return 'X';
  if (words.length === 1) return words[0].slice(0, Math.min(MAX_PREFIX, 2 + extra));
  const initials = words.map((w) => w[0]).join('').slice(0, MAX_PREFIX);
  if (extra === 0) return initials;
  const last = words[words.length - 1];
  return (initials.slice(0, -1) + last.slice(0, 1 + extra)).slice(0, MAX_PREFIX);
}

/** Each area's prefix, unique between the round's areas wherever lengthening can make it so. */
export function areaPrefixes(areaCodes: readonly string[]): Map<string, string> {
  const extra = new Map(areaCodes.map((c) => [c, 0]));
  for (let round = 0; round < MAX_PREFIX; round++) {
    const byPrefix = new Map<string, string[]>();
    for (const code of areaCodes) {
      const p = prefixAt(code, extra.get(code)!);
      byPrefix.set(p, [...(byPrefix.get(p) ?? []), code]);
    }
    const clashing = [...byPrefix.values()].filter((codes) => codes.length > 1).flat();
    if (clashing.length === 0) break;
    let grew = false;
    for (const code of clashing) {
      const before = prefixAt(code, extra.get(code)!);
      extra.set(code, extra.get(code)! + 1);
      if (prefixAt(code, extra.get(code)!) !== before) grew = true;
    }
    if (!grew) break;
  }
  return new Map(areaCodes.map((c) => [c, prefixAt(c, extra.get(c)!)]));
}

/** The next free code for a prefix, given every code in use (draft and frozen versions). */
export function nextItemCode(prefix: string, codesInUse: Iterable<string>): string {
  let highest = 0;
  const pattern = new RegExp(`^${prefix}-(\\d+)$`);
  for (const code of codesInUse) {
    const m = pattern.exec(code);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return `${prefix}-${highest + 1}`;
}
