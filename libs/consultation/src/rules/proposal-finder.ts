/**
 * Finds the proposals a committee's response makes, in its full text, for the person entering the
 * response to confirm, edit or drop (nothing is a proposal until confirmed). Pure.
 *
 * What it finds, and nothing else (precise rather than eager):
 * - the list items after a line ending "… föreslår [kontaktcenter] att", "… föreslås att",
 *   "vill nämnden föreslå att" — each item a separate proposal, whatever the list marker, also as
 *   mangled by text recognition ("o", "e", "•", "-", "–", "*", "1.", "a)");
 * - inline: "… föreslår X att Y." / "föreslås att Y." → Y, unless it is the committee's own decision
 *   ("ställa sig positiv", "godkänna", "besluta", "lämna … yttrande");
 *   "… med tillägg att Y." → Y; "… X behöver ske …." (a request) → that clause; a sentence with "bör"
 *   (spelled "bör" only: "bor" is a word of its own).
 * Text recognition's typical confusions of å/ä/ö ("foreslar", "f6reslar", "foreslds") are tolerated.
 * The proposals keep the text's own words exactly; only the line breaks inside an item become spaces.
 * The same proposal found twice (a summary repeating the conclusion) is listed once.
 */
export interface FoundProposal {
  text: string;
}

const O = '[öo6éóO0]';
const A = '[åaäd]';
/** föreslår / föreslås / föreslå, as typed or as recognised from a scan. */
const PROPOSE = `f${O}resl${A}[rs]?`;
const LIST_TRIGGER = new RegExp(`(?:(?<!\\p{L})${PROPOSE}(?!\\p{L})|\\bvill\\s+\\S+\\s+${PROPOSE}(?!\\p{L}))[^.]*?\\batt\\s*:?\\s*$`, 'iu');
const MARKER = /^\s*(?:[oe•·*\-–—]|\d{1,2}[.)]|[a-z][.)])\s+(?=\S)/u;
/** The committee's own decision, not a proposal for the plan. */
const OWN_DECISION = /^(?:ställa\s+sig|st[äa]lla\s+sig|godk[äa]nna|besluta|l[äi]mna|anta|tillstyrka|avstyrka)\b/iu;

export function findProposals(text: string): FoundProposal[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const found: string[] = [];
  const consumed = new Set<number>();

  // 1. Lists after a trigger line.
  for (let i = 0; i < lines.length; i += 1) {
    if (!LIST_TRIGGER.test(lines[i])) continue;
    let j = i + 1;
    let current: string[] | null = null;
    const items: string[][] = [];
    while (j < lines.length) {
      const line = lines[j];
      if (line.trim() === '') {
        // A blank line inside the list is fine when the next non-blank line is another item.
        let k = j + 1;
        while (k < lines.length && lines[k].trim() === '') k += 1;
        if (k < lines.length && MARKER.test(lines[k])) { j = k; continue; }
        break;
      }
      if (MARKER.test(line)) {
        current = [line.replace(MARKER, '').trim()];
        items.push(current);
      } else if (current) {
        current.push(line.trim());
      } else {
        break;
      }
      j += 1;
    }
    if (items.length > 0) {
      for (let k = i; k < j; k += 1) consumed.add(k);
      for (const item of items) found.push(item.filter((part) => part !== '').join(' '));
      i = j - 1;
    }
  }

  // 2. Inline phrasings, sentence by sentence, in the text outside the lists.
  const rest = lines.map((line, index) => (consumed.has(index) ? '' : line)).join('\n');
  for (const paragraph of rest.split(/\n\s*\n/)) {
    const flat = paragraph.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');
    for (const sentence of flat.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])/u)) {
      const proposal = inlineProposal(sentence.trim());
      if (proposal) found.push(proposal);
    }
  }

  const seen = new Set<string>();
  const result: FoundProposal[] = [];
  for (const proposal of found) {
    const key = proposal.replace(/\s+/g, ' ').toLowerCase();
    if (proposal === '' || seen.has(key)) continue;
    seen.add(key);
    result.push({ text: proposal });
  }
  return result;
}

function inlineProposal(sentence: string): string | null {
  const body = sentence.replace(/[.!?]+$/u, '').trim();
  const addition = /\bmed\s+till[äa]gg\s+att\s+(.+)$/iu.exec(body);
  if (addition) return addition[1].trim();
  const request = /(?:^|\batt\s+|,\s*)((?:(?!\batt\s).)*?\bbeh[öo6]ver\s+(?:\S+\s+){0,2}?ske\b.*)$/iu.exec(body);
  if (request) return request[1].trim();
  const proposed = new RegExp(`(?:(?<!\\p{L})${PROPOSE}(?!\\p{L})|\\bvill\\s+\\S+\\s+${PROPOSE}(?!\\p{L}))(?:\\s+\\S+){0,3}?\\s+att\\s+(.+)$`, 'iu').exec(body);
  if (proposed) {
    const what = proposed[1].trim();
    return OWN_DECISION.test(what) ? null : what;
  }
  if (/(?<![\p{L}\p{N}])bör(?![\p{L}\p{N}])/iu.test(body) && /^[A-ZÅÄÖ]/u.test(body)) return body;
  return null;
}
