import type { INestApplicationContext } from '@nestjs/common';
import { PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { DataSource } from 'typeorm';
import { Given, TEST_ACTOR } from './given';
import { GivenPlan } from './given-plan-allocation';

export interface ProposalSpec {
  text: string;
  areaCode?: string | null;
  itemCode?: string | null;
}

export interface ResponseSpec {
  stance: 'approve' | 'approve_with_remarks' | 'reject' | 'decline';
  summary: string;
  adoptedOn: string;
  minuteReference: string;
  theirReference?: string | null;
  receivedOnPaper?: boolean;
  areaComments?: Array<{ areaCode: string; comment: string }>;
  proposals?: ProposalSpec[];
}

export interface CompilationRound {
  round: PlanRoundView;
  /** The recipient committees by name given. */
  committees: Record<string, string>;
  /** Each participating department's id, by the name of its committee. */
  departments: Record<string, string>;
}

/** Förskolenämnden's response (seed 003): approve with remarks, one proposal — clearer responsibilities. */
export const FORSKOLENAMNDEN: ResponseSpec = {
  stance: 'approve_with_remarks',
  summary: 'Förskolenämnden ställer sig positiv till utvecklingsplanen, med tillägg att förtydligande behöver ske kring samarbetsprocessen.',
  adoptedOn: '2025-03-26',
  minuteReference: '§ 45',
  theirReference: 'FSKN-2025-1234',
  areaComments: [{ areaCode: 'SAMARBETSPROCESS', comment: 'Ansvarsfördelningen och förväntningarna på respektive förvaltning behöver förtydligas.' }],
  proposals: [{ text: 'Förtydliga ansvarsfördelningen och förväntningarna på respektive förvaltning i samarbetsprocessen', areaCode: 'SAMARBETSPROCESS', itemCode: 'SP-1' }],
};

/** Kulturnämnden's response (seed 004): approve with remarks, three proposals. */
export const KULTURNAMNDEN: ResponseSpec = {
  stance: 'approve_with_remarks',
  summary: 'Kulturnämnden ser positivt på planen men saknar en analys av behovet av fysisk service.',
  adoptedOn: '2025-03-20',
  minuteReference: '§ 31',
  theirReference: null,
  areaComments: [{ areaCode: 'LOKAL_SERVICE', comment: 'Kontaktbehoven flyttar över till biblioteken sedan medborgarkontoren avvecklades.' }],
  proposals: [
    { text: 'Överväga fysiska permanenta platser där prioriterade stadsdelar med många barn och hög andel invånare med försörjningsstöd', areaCode: 'LOKAL_SERVICE' },
    { text: 'Överväga en kommunövergripande plan för publik dator/utskriftstjänst på flertalet platser', areaCode: 'LOKAL_SERVICE' },
    { text: 'Särskilt beakta hur arbetssättet är tillgängligt för personer med fysisk eller intellektuell funktionsnedsättning', areaCode: 'TILLGANGLIGHET' },
  ],
};

/**
 * Consultations for the compilation's tests: a round whose plan (items SP-1, LS-1, TG-1) is frozen as
 * version 1 and sent on consultation to the given committees (the consultation and its recipients written
 * with SQL, as the "send" feature stores them), then responses with their proposals written straight
 * into the tables, as the "respond" feature stores them.
 */
export class GivenConsultation {
  private readonly db: DataSource;
  private readonly given: Given;

  constructor(private readonly app: INestApplicationContext) {
    this.db = app.get(DataSource);
    this.given = new Given(app);
  }

  /** A round in `consultation`, sent to a committee per name (each the committee of a participating department). */
  async sent(committeeNames: string[], values: { caseNumber?: string } = {}): Promise<CompilationRound> {
    const committees: Record<string, string> = {};
    const departments: Record<string, string> = {};
    for (const name of committeeNames) {
      const committee = await this.given.committee({ name });
      committees[name] = committee.id;
      departments[name] = (await this.given.department({ committeeId: committee.id })).id;
    }
    const round = await this.sentTo(Object.values(departments), Object.values(committees), values);
    return { round, committees, departments };
  }

  /** A round of these departments in `consultation`, sent to these committees (their secretaries read the round through their departments). */
  async sentTo(participantDepartmentIds: string[], committeeIds: string[], values: { caseNumber?: string; year?: number } = {}): Promise<PlanRoundView> {
    const round = await this.given.roundInDraftingPlan({ participantDepartmentIds, caseNumber: values.caseNumber, year: values.year });
    const plan = new GivenPlan(this.app);
    const accountable = [{ contactCentre: true as const, role: 'accountable' as const, expectations: 'Leder arbetet.' }];
    await plan.draft(round.id, [
      { areaCode: 'SAMARBETSPROCESS', code: 'SP-1', title: 'Gemensam samarbetsprocess', responsibilities: accountable },
      { areaCode: 'LOKAL_SERVICE', code: 'LS-1', title: 'Servicepunkter i stadsdelarna', responsibilities: accountable },
      { areaCode: 'TILLGANGLIGHET', code: 'TG-1', title: 'Tillgängliga kanaler', responsibilities: accountable },
      { areaCode: 'DIGITALISERING', code: 'DG-1', title: 'Självservice på webben', responsibilities: accountable },
      { areaCode: 'RATTIGHETSBASERAD', code: 'RB-1', title: 'Rättighetsbaserad service', responsibilities: accountable },
    ]);
    await plan.freeze(round.id, new Date('2026-03-01T09:00:00Z'));
    await this.db.query(`insert into consultation (round_id, plan_version, reply_by, cover_letter) values ($1, 1, '2026-05-29', 'Planen skickas på remiss.')`, [round.id]);
    for (const id of committeeIds) {
      await this.db.query(`insert into consultation_recipient (round_id, committee_id, reply_by) values ($1, $2, '2026-05-29')`, [round.id, id]);
    }
    const sent = await this.app.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'SEND_FOR_CONSULTATION' });
    await this.db.query('update consultation set sent_at = now() where round_id = $1 and sent_at is null', [round.id]);
    return sent;
  }

  /** The round moved on to `compilingResponses` (forced: the reply date has not passed). */
  async closed(roundId: string): Promise<PlanRoundView> {
    return this.app.get(PlanRoundStepService).transition(TEST_ACTOR, roundId, { type: 'CLOSE_CONSULTATION', force: true, reason: 'Alla har svarat muntligt' });
  }

  /** A committee's submitted response (the next revision; an earlier current one is superseded); its proposals' ids in order. */
  async response(roundId: string, committeeId: string, spec: ResponseSpec): Promise<{ responseId: string; proposalIds: string[] }> {
    await this.db.query(
      `update consultation_response set superseded_at = now() where round_id = $1 and committee_id = $2 and status = 'submitted' and superseded_at is null`,
      [roundId, committeeId],
    );
    const [{ id }]: Array<{ id: string }> = await this.db.query(
      `insert into consultation_response (round_id, committee_id, revision, status, stance, summary, text, adopted_on, minute_reference, their_reference,
                                          signatories, area_comments, received_on_paper, created_by_name, submitted_by_name, submitted_at)
       values ($1, $2, (select coalesce(max(revision), 0) + 1 from consultation_response where round_id = $1 and committee_id = $2), 'submitted',
               $3, $4, $5, $6, $7, $8, '{Ordförande}', $9::jsonb, $10, 'Sekreterare', 'Sekreterare', now())
       returning id`,
      [roundId, committeeId, spec.stance, spec.summary, `${spec.summary}\n\nHela yttrandet.`, spec.adoptedOn, spec.minuteReference, spec.theirReference ?? null, JSON.stringify(spec.areaComments ?? []), spec.receivedOnPaper ?? false],
    );
    const proposalIds: string[] = [];
    for (const [position, p] of (spec.proposals ?? []).entries()) {
      const [row]: Array<{ id: string }> = await this.db.query(
        `insert into consultation_proposal (response_id, round_id, committee_id, position, text, area_code, item_code) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [id, roundId, committeeId, position, p.text, p.areaCode ?? null, p.itemCode ?? null],
      );
      proposalIds.push(row.id);
    }
    return { responseId: id, proposalIds };
  }

  /** One more proposal in the committee's current response (the response as it stands, its revision unchanged). */
  async proposal(roundId: string, committeeId: string, text: string): Promise<string> {
    const [row]: Array<{ id: string }> = await this.db.query(
      `insert into consultation_proposal (response_id, round_id, committee_id, position, text)
       select r.id, r.round_id, r.committee_id, (select coalesce(max(position), -1) + 1 from consultation_proposal where response_id = r.id), $3
         from consultation_response r where r.round_id = $1 and r.committee_id = $2 and r.status = 'submitted' and r.superseded_at is null
       returning id`,
      [roundId, committeeId, text],
    );
    if (!row) throw new Error('the committee has no current response');
    return row.id;
  }
}
