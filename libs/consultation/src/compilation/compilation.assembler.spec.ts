import { assembleCompilation, compilationLines, proposalsByItem } from './compilation.assembler';
import type { CompilationRead, CompiledProposal } from './compilation.model';

const proposal = (id: string, committeeId: string, committee: string, triage: CompiledProposal['triage'] = null): CompiledProposal => ({
  id,
  committeeId,
  committee,
  text: `Förslag ${id}`,
  areaCode: 'LOKAL_SERVICE',
  itemCode: null,
  triage,
  triageVersion: triage ? 1 : 0,
});

const response = (committeeId: string, committee: string, stance: 'approve' | 'approve_with_remarks' | 'reject' | 'decline', areaComments: Array<{ areaCode: string; comment: string }> = []) => ({
  committeeId,
  committee,
  stance,
  summary: 'Sammanfattning',
  adoptedOn: '2025-03-26',
  minuteReference: '§ 45',
  theirReference: null,
  receivedOnPaper: false,
  revision: 1,
  areaComments,
});

const read: CompilationRead = {
  round: { id: 'r', title: 'Utvecklingsplan 2027', caseNumber: 'STK-2026-1', state: 'compilingResponses' },
  planVersion: 2,
  recipients: [
    { committeeId: 'a', committee: 'Förskolenämnden' },
    { committeeId: 'b', committee: 'Kulturnämnden' },
    { committeeId: 'c', committee: 'Miljönämnden' },
  ],
  responses: [
    response('a', 'Förskolenämnden', 'approve_with_remarks', [{ areaCode: 'SAMARBETSPROCESS', comment: 'Förtydliga ansvaret' }]),
    response('b', 'Kulturnämnden', 'reject', [
      { areaCode: 'GONE', comment: 'Ett område som inte längre finns' },
      { areaCode: 'LOKAL_SERVICE', comment: 'Biblioteken' },
      { areaCode: 'LOKAL_SERVICE', comment: '  ' },
    ]),
  ],
  proposals: [
    proposal('p1', 'a', 'Förskolenämnden', { decision: 'accepted', motivation: 'Ja', itemCodes: ['SP-1', 'LS-1'], triagedBy: 'Åsa', triagedAt: '2026-04-01T08:00:00.000Z' }),
    proposal('p2', 'b', 'Kulturnämnden'),
  ],
  areas: [
    { code: 'LOKAL_SERVICE', name: 'Lokal service', items: [{ code: 'LS-1', title: 'Servicepunkter' }] },
    { code: 'SAMARBETSPROCESS', name: 'Samarbetsprocess', items: [{ code: 'SP-1', title: 'Samarbete' }] },
  ],
};

describe('assembleCompilation', () => {
  it('counts each stance, and the recipients without a current response as none', () => {
    expect(assembleCompilation(read).stanceCounts).toEqual({ approve: 0, approve_with_remarks: 1, reject: 1, decline: 0, none: 1 });
  });

  it('groups the comments per area in plan order, an area the plan no longer has last under its code, blank comments left out', () => {
    expect(assembleCompilation(read).areas).toEqual([
      { areaCode: 'LOKAL_SERVICE', name: 'Lokal service', comments: [{ committee: 'Kulturnämnden', comment: 'Biblioteken' }] },
      { areaCode: 'SAMARBETSPROCESS', name: 'Samarbetsprocess', comments: [{ committee: 'Förskolenämnden', comment: 'Förtydliga ansvaret' }] },
      { areaCode: 'GONE', name: 'GONE', comments: [{ committee: 'Kulturnämnden', comment: 'Ett område som inte längre finns' }] },
    ]);
  });

  it('builds proposals × committees and the items to link, and filters to one committee', () => {
    const view = assembleCompilation(read);
    expect(view.matrix.rows.map((r) => r.committees.map((c) => c.proposed))).toEqual([
      [true, false, false],
      [false, true, false],
    ]);
    expect(view.items.map((i) => i.code)).toEqual(['LS-1', 'SP-1']);
    const own = assembleCompilation(read, 'b');
    expect([own.responses.map((r) => r.committee), own.proposals.map((p) => p.id)]).toEqual([['Kulturnämnden'], ['p2']]);
    expect(own.stanceCounts.reject).toBe(1);
  });

  it('writes a CSV line per proposal with its decision in Swedish', () => {
    expect(compilationLines(assembleCompilation(read))).toEqual([
      ['Nämnd', 'Förslag', 'Område', 'Insats', 'Beslut', 'Motivering', 'Ändrade insatser', 'Behandlat av', 'Behandlat'],
      ['Förskolenämnden', 'Förslag p1', 'LOKAL_SERVICE', null, 'Tillgodoses', 'Ja', 'SP-1, LS-1', 'Åsa', '2026-04-01'],
      ['Kulturnämnden', 'Förslag p2', 'LOKAL_SERVICE', null, 'Ej behandlat', null, null, null, null],
    ]);
  });

  it('traces each item code to the triaged proposals that link it', () => {
    expect(Object.fromEntries(proposalsByItem(read.proposals))).toEqual({
      'SP-1': ['Förskolenämnden: Förslag p1 (tillgodoses)'],
      'LS-1': ['Förskolenämnden: Förslag p1 (tillgodoses)'],
    });
  });
});
