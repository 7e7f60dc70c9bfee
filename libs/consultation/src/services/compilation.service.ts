import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { Clock, CommonError, CommonErrorCode, CSV_CONTENT_TYPE, Principal, refuseIfAny, toCsv } from '@samverka/kernel';
import { DOCX_CONTENT_TYPE } from '@samverka/plan';
import { RoundAccessPolicy } from '@samverka/rounds';
import { assembleCompilation, compilationLines } from '../compilation/compilation.assembler';
import { compilationDocument } from '../compilation/compilation.document';
import type { CompilationView, CompiledProposal } from '../compilation/compilation.model';
import { ConsultationError, ConsultationErrorCode } from '../consultation.exception';
import type { TriageInput } from '../consultation.model';
import { CompilationRepository } from '../repositories/compilation.repository';
import { normaliseItemCodes, triageViolations } from '../rules/triage.rules';

/** The round states in which proposals are triaged (responses may still come in during the consultation). */
export const TRIAGE_STATES: readonly string[] = ['consultation', 'compilingResponses', 'awaitingDecision'];

/** Only strategists triage. */
export function mayTriage(p: Principal): boolean {
  return p.strategist;
}

export interface CompilationFile {
  fileName: string;
  contentType: string;
  content: string | Buffer;
}

/**
 * Sammanställning: the compilation of a round's current responses (read by whoever may read the round),
 * its CSV and Word document, and the strategists' triage of each proposal (audited, re-triage allowed).
 */
@Injectable()
export class CompilationService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly repository: CompilationRepository,
    private readonly rounds: RoundAccessPolicy,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The compilation (filtered to one committee's responses and proposals with `committeeId`). */
  async compilation(p: Principal, roundId: string, committeeId?: string): Promise<CompilationView> {
    if (!(await this.rounds.mayRead(p, roundId))) throw CommonError.notFound('Planomgången', roundId);
    const read = await this.repository.compilationOf(roundId);
    if (!read) throw new ConsultationError(ConsultationErrorCode.CONSULTATION_NOT_FOUND, 'Planomgången har ingen remiss', { roundId });
    if (committeeId && !read.recipients.some((r) => r.committeeId === committeeId)) {
      throw new ConsultationError(ConsultationErrorCode.RECIPIENT_NOT_FOUND, 'Nämnden är inte remissinstans i planomgången', { roundId, committeeId });
    }
    return assembleCompilation(read, committeeId);
  }

  async csv(p: Principal, roundId: string): Promise<CompilationFile> {
    const view = await this.compilation(p, roundId);
    return { fileName: `sammanstallning-${fileSafe(view.round.caseNumber)}.csv`, contentType: CSV_CONTENT_TYPE, content: toCsv(compilationLines(view)) };
  }

  async document(p: Principal, roundId: string): Promise<CompilationFile> {
    const view = await this.compilation(p, roundId);
    const dateText = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' }).format(this.clock.now());
    return { fileName: `sammanstallning-${fileSafe(view.round.caseNumber)}.docx`, contentType: DOCX_CONTENT_TYPE, content: await compilationDocument(view, dateText) };
  }

  /**
   * A strategist triages (or re-triages) one proposal of a current response; the change is audited with
   * what it was before. `expectedVersion` is the triage's version the person read (the API's If-Match);
   * without it the request may only be the first triage. A stale version, or a triage without one of a
   * proposal already triaged, is 409 VERSION_CONFLICT with nothing written: of two at once, one wins.
   */
  async triage(p: Principal, actor: Actor, roundId: string, proposalId: string, input: TriageInput, expectedVersion?: number): Promise<CompiledProposal> {
    if (!mayTriage(p)) throw new ConsultationError(ConsultationErrorCode.TRIAGE_NOT_ALLOWED, 'Bara strateger behandlar remissvarens förslag');
    refuseIfAny(triageViolations(input));
    const itemCodes = normaliseItemCodes(input.itemCodes);
    return this.tx.run(async () => {
      const state = await this.repository.lockRound(roundId);
      if (state === null) throw CommonError.notFound('Planomgången', roundId);
      if (!TRIAGE_STATES.includes(state)) {
        throw new ConsultationError(ConsultationErrorCode.TRIAGE_NOT_OPEN, 'Förslag behandlas när planen är på remiss, under sammanställningen eller i väntan på beslut', { roundId, state });
      }
      const before = await this.repository.proposalOf(roundId, proposalId);
      if (!before || !before.current) throw new ConsultationError(ConsultationErrorCode.PROPOSAL_NOT_FOUND, 'Förslaget finns inte i något gällande remissvar i planomgången', { roundId, proposalId });
      const known = await this.repository.knownItemCodes(roundId, itemCodes);
      const unknown = itemCodes.filter((c) => !known.has(c));
      if (unknown.length > 0) throw CommonError.invalidField('itemCodes', 'knownItem', `Planen har ingen insats med koden ${unknown.join(', ')}`);
      const expected = expectedVersion ?? 0;
      if (before.triageVersion !== expected) throw triageConflict(before.triageVersion, expectedVersion === undefined);
      const written = await this.repository.triage(proposalId, expected, { decision: input.decision, motivation: input.motivation.trim(), itemCodes, byId: actor.personId, byName: p.name, at: this.clock.now() });
      if (written === null) throw triageConflict(null, expectedVersion === undefined);
      await this.audit.record(actor, {
        action: before.triage ? 'consultation.proposalRetriaged' : 'consultation.proposalTriaged',
        subjectType: 'consultation_proposal',
        subjectId: proposalId,
        before: before.triage ? { decision: before.triage.decision, motivation: before.triage.motivation, itemCodes: before.triage.itemCodes } : undefined,
        after: { roundId, decision: input.decision, motivation: input.motivation.trim(), itemCodes },
      });
      const after = await this.repository.proposalOf(roundId, proposalId);
      const { current: _current, ...proposal } = after!;
      return proposal;
    });
  }

  /** The triaged proposals that link any of the plan items `codes` (the plan's diff shows them per item). */
  async proposalsForItems(p: Principal, roundId: string, codes: readonly string[]): Promise<CompiledProposal[]> {
    if (!(await this.rounds.mayRead(p, roundId))) return [];
    return this.repository.proposalsForItems(roundId, codes);
  }
}

/** Someone triaged the proposal since it was read (or, without a version, it is triaged already). */
function triageConflict(current: number | null, withoutVersion: boolean): CommonError {
  return new CommonError(
    CommonErrorCode.VERSION_CONFLICT,
    withoutVersion
      ? 'Förslaget är redan behandlat. Läs det igen och skicka med versionen du läste (If-Match) för att ändra behandlingen.'
      : 'Förslaget har behandlats av någon annan sedan du läste det. Ladda om och försök igen.',
    current === null ? {} : { currentVersion: current },
  );
}

const fileSafe = (text: string): string => text.replace(/[^A-Za-z0-9_-]+/g, '-');
