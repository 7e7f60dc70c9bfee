import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The two seed responses (yttranden) exactly as they came (from ../shared/seeds/): Förskolenämnden's
 * (003, typed) and Kulturnämnden's (004, from a scan: "nimnd" for "nämnd", "6" for "ö", bullets as "o"/"e").
 */
export const SEED_RESPONSE_TEXTS = {
  forskolenamnden: readFileSync(join(__dirname, 'response-forskolenamnden.txt'), 'utf8'),
  kulturnamnden: readFileSync(join(__dirname, 'response-kulturnamnden.txt'), 'utf8'),
} as const;
