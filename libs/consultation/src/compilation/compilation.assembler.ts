import { RESPONSE_STANCES } from '../consultation.model';
import { TRIAGE_DECISION_LABELS } from '../consultation.vocabulary';
import type { CompilationRead, CompilationView, CompiledProposal, StanceCounts } from './compilation.model';

/**
 * Builds the compilation from what was read: counts per stance (recipients without a current response
 * are `none`), the comments grouped per plan area (in plan order; an area the plan no longer has is
 * kept under its code), the proposals × committees view. Filtered to one committee when `committeeId` is given.
 */
export function assembleCompilation(read: CompilationRead, committeeId?: string): CompilationView {
  const stanceCounts = Object.fromEntries([...RESPONSE_STANCES, 'none'].map((s) => [s, 0])) as StanceCounts;
  for (const r of read.responses) stanceCounts[r.stance] += 1;
  stanceCounts.none = read.recipients.filter((c) => !read.responses.some((r) => r.committeeId === c.committeeId)).length;

  const ofCommittee = <T extends { committeeId: string }>(rows: T[]): T[] => (committeeId ? rows.filter((r) => r.committeeId === committeeId) : rows);
  const responses = ofCommittee(read.responses);
  const proposals = ofCommittee(read.proposals);

  const names = new Map(read.areas.map((a) => [a.code, a.name]));
  const commentCodes = [...new Set(responses.flatMap((r) => r.areaComments.map((c) => c.areaCode)))];
  const areaCodes = [...read.areas.map((a) => a.code).filter((code) => commentCodes.includes(code)), ...commentCodes.filter((code) => !names.has(code))];
  const areas = areaCodes.map((areaCode) => ({
    areaCode,
    name: names.get(areaCode) ?? areaCode,
    comments: responses.flatMap((r) => r.areaComments.filter((c) => c.areaCode === areaCode && c.comment.trim() !== '').map((c) => ({ committee: r.committee, comment: c.comment }))),
  }));

  const committees = read.recipients;
  return {
    round: read.round,
    planVersion: read.planVersion,
    committees,
    stanceCounts,
    responses: responses.map(({ areaComments: _unused, ...r }) => r),
    areas,
    proposals,
    matrix: {
      committees,
      rows: proposals.map((p) => ({
        proposalId: p.id,
        text: p.text,
        triageDecision: p.triage?.decision ?? null,
        committees: committees.map((c) => ({ committeeId: c.committeeId, proposed: c.committeeId === p.committeeId })),
      })),
    },
    items: read.areas.flatMap((a) => a.items.map((i) => ({ code: i.code, title: i.title, areaCode: a.code }))),
    planAreas: read.areas.map((a) => ({ code: a.code, name: a.name })),
  };
}

/** The compilation's CSV lines: a header, then one line per proposal. */
export function compilationLines(view: CompilationView): Array<Array<string | number | null>> {
  return [
    ['Nämnd', 'Förslag', 'Område', 'Insats', 'Beslut', 'Motivering', 'Ändrade insatser', 'Behandlat av', 'Behandlat'],
    ...view.proposals.map((p) => [
      p.committee,
      p.text,
      p.areaCode,
      p.itemCode,
      p.triage ? TRIAGE_DECISION_LABELS[p.triage.decision] : 'Ej behandlat',
      p.triage?.motivation ?? null,
      p.triage ? p.triage.itemCodes.join(', ') : null,
      p.triage?.triagedBy ?? null,
      p.triage ? p.triage.triagedAt.slice(0, 10) : null,
    ]),
  ];
}

/** Traceability: per plan item code, the triaged proposals that link it, as "Kulturnämnden: <text> (tillgodoses)". */
export function proposalsByItem(proposals: readonly CompiledProposal[]): Map<string, string[]> {
  const byItem = new Map<string, string[]>();
  for (const p of proposals) {
    if (!p.triage) continue;
    const line = `${p.committee}: ${p.text} (${TRIAGE_DECISION_LABELS[p.triage.decision].toLowerCase()})`;
    for (const code of p.triage.itemCodes) byItem.set(code, [...(byItem.get(code) ?? []), line]);
  }
  return byItem;
}
