import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import type { TriageDecision } from '../consultation.model';
import type { CompilationRead, CompiledProposal } from '../compilation/compilation.model';

const PROPOSAL_JSON = `json_build_object(
  'id', p.id, 'committeeId', p.committee_id, 'committee', c.name, 'text', p.text, 'areaCode', p.area_code, 'itemCode', p.item_code, 'triageVersion', p.triage_version,
  'triage', case when p.triage_decision is null then null else json_build_object(
    'decision', p.triage_decision, 'motivation', p.triage_motivation, 'itemCodes', p.item_codes, 'triagedBy', p.triaged_by_name,
    'triagedAt', to_char(p.triaged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) end)`;

/** The current responses of a round (submitted, not superseded): the only ones the compilation reads. */
const CURRENT = `r.status = 'submitted' and r.superseded_at is null`;

export interface TriageWrite {
  decision: TriageDecision;
  motivation: string;
  itemCodes: string[];
  byId: string | null;
  byName: string;
  at: Date;
}

/**
 * The compilation's reads (one statement for the whole compilation, set-based) and the triage's write.
 * It reads the send and respond features' tables (recipients, current responses, proposals) directly.
 */
@Injectable()
export class CompilationRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The round's compilation, or null when the round has no consultation. */
  async compilationOf(roundId: string): Promise<CompilationRead | null> {
    const rows: Array<{ read: CompilationRead }> = await this.tx.manager.query(
      `select json_build_object(
          'round', json_build_object('id', pr.id, 'title', pr.title, 'caseNumber', pr.case_number, 'state', pr.state),
          'planVersion', k.plan_version,
          'recipients', coalesce((select json_agg(json_build_object('committeeId', c.id, 'committee', c.name) order by c.name, c.id)
                                     from consultation_recipient cr join committee c on c.id = cr.committee_id where cr.round_id = k.round_id), '[]'),
          'responses', coalesce((select json_agg(json_build_object(
                                     'committeeId', r.committee_id, 'committee', c.name, 'stance', r.stance, 'summary', r.summary,
                                     'adoptedOn', to_char(r.adopted_on, 'YYYY-MM-DD'), 'minuteReference', r.minute_reference, 'theirReference', r.their_reference,
                                     'receivedOnPaper', r.received_on_paper, 'revision', r.revision, 'areaComments', r.area_comments) order by c.name, c.id)
                                   from consultation_response r join committee c on c.id = r.committee_id where r.round_id = k.round_id and ${CURRENT}), '[]'),
          'proposals', coalesce((select json_agg(${PROPOSAL_JSON} order by c.name, c.id, p.position)
                                   from consultation_proposal p join consultation_response r on r.id = p.response_id join committee c on c.id = p.committee_id
                                  where p.round_id = k.round_id and ${CURRENT}), '[]'),
          'areas', coalesce((select json_agg(json_build_object('code', a->>'code', 'name', a->>'name',
                                     'items', coalesce((select json_agg(json_build_object('code', i->>'code', 'title', i->>'title') order by n)
                                                          from jsonb_array_elements(a->'items') with ordinality as it(i, n)), '[]')) order by m)
                               from plan p2 join plan_version v on v.round_id = p2.round_id and v.version = p2.latest_version,
                                    jsonb_array_elements(v.snapshot->'areas') with ordinality as ar(a, m)
                              where p2.round_id = k.round_id), '[]')
        ) as read
         from consultation k join plan_round pr on pr.id = k.round_id
        where k.round_id = $1`,
      [roundId],
    );
    return rows[0]?.read ?? null;
  }

  /** Locks the round row for a triage (triages of one round take turns with its steps); its state, or null when there is no such round. */
  async lockRound(roundId: string): Promise<string | null> {
    const rows: Array<{ state: string }> = await this.tx.manager.query('select state from plan_round where id = $1 for update', [roundId]);
    return rows[0]?.state ?? null;
  }

  /** One proposal of a current response of the round (a superseded response's proposals are no longer triaged). */
  async proposalOf(roundId: string, proposalId: string): Promise<(CompiledProposal & { current: boolean }) | null> {
    const rows: Array<{ proposal: CompiledProposal; current: boolean }> = await this.tx.manager.query(
      `select ${PROPOSAL_JSON} as proposal, (${CURRENT}) as current
         from consultation_proposal p join consultation_response r on r.id = p.response_id join committee c on c.id = p.committee_id
        where p.round_id = $1 and p.id = $2`,
      [roundId, proposalId],
    );
    return rows[0] ? { ...rows[0].proposal, current: rows[0].current } : null;
  }

  /** Which of `codes` are codes of the round's plan: its draft or any frozen version. */
  async knownItemCodes(roundId: string, codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: Array<{ code: string }> = await this.tx.manager.query(
      `select distinct code from (
         select i.code from plan_item i where i.round_id = $1
         union all
         select it->>'code' from plan_version v, jsonb_array_elements(v.snapshot->'areas') a, jsonb_array_elements(a->'items') it where v.round_id = $1
       ) known where code = any($2::text[])`,
      [roundId, codes],
    );
    return new Set(rows.map((r) => r.code));
  }

  /**
   * Writes the triage only if it is still at `expectedVersion` (optimistic locking; a concurrent writer
   * waits for the first one's row lock, then finds the version moved). The new version, or null when it moved.
   */
  async triage(proposalId: string, expectedVersion: number, write: TriageWrite): Promise<number | null> {
    const rows: Array<{ triage_version: number }> = await this.tx.manager.query(
      `with written as (
         update consultation_proposal set triage_decision = $3, triage_motivation = $4, item_codes = $5::text[], triaged_by_id = $6, triaged_by_name = $7, triaged_at = $8,
                triage_version = triage_version + 1
          where id = $1 and triage_version = $2
         returning triage_version)
       select triage_version from written`,
      [proposalId, expectedVersion, write.decision, write.motivation, write.itemCodes, write.byId, write.byName, write.at],
    );
    return rows[0]?.triage_version ?? null;
  }

  /** The triaged proposals (of current responses) that link any of `codes`, per code. */
  async proposalsForItems(roundId: string, codes: readonly string[]): Promise<Array<CompiledProposal>> {
    if (codes.length === 0) return [];
    const rows: Array<{ proposal: CompiledProposal }> = await this.tx.manager.query(
      `select ${PROPOSAL_JSON} as proposal
         from consultation_proposal p join consultation_response r on r.id = p.response_id join committee c on c.id = p.committee_id
        where p.round_id = $1 and ${CURRENT} and p.item_codes && $2::text[]
        order by c.name, p.position`,
      [roundId, codes],
    );
    return rows.map((r) => r.proposal);
  }

  /** Per round, how many proposals of current responses are untriaged (rounds with none left out). */
  async untriagedPerRound(roundIds?: readonly string[]): Promise<Array<{ roundId: string; untriaged: number }>> {
    const rows: Array<{ round_id: string; untriaged: number }> = await this.tx.manager.query(
      `select p.round_id, count(*)::int as untriaged
         from consultation_proposal p join consultation_response r on r.id = p.response_id
        where p.triage_decision is null and ${CURRENT} and ($1::uuid[] is null or p.round_id = any($1::uuid[]))
        group by p.round_id`,
      [roundIds ?? null],
    );
    return rows.map((r) => ({ roundId: r.round_id, untriaged: r.untriaged }));
  }
}
