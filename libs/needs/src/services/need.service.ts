import { Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { CommonError, Violations } from '@samverka/kernel';
import { PlanRoundQueryService, RoundBasics, RoundReaderScope } from '@samverka/rounds';
import { draftReadableDepartments, visibleDepartments } from '../access/needs-access.policy';
import { Evidence, NeedEntity, NeedPriority } from '../entities/need.entity';
import { needsChangeRefusal } from '../rules/needs-change.rules';
import { NeedFilter, NeedRepository, NeedRow } from '../repositories/need.repository';
import { NeedFields, needViolations } from '../rules/need.rules';
import { SubmissionRepository } from '../repositories/submission.repository';
import { ReferenceDataService } from './reference-data.service';

/** Evidence as given (the date may be left out). */
export type EvidenceInput = Omit<Evidence, 'date'> & { date?: string | null };

export interface NeedInput {
  departmentId: string;
  areaCode: string;
  title: string;
  description: string;
  channels: string[];
  districts: string[];
  targetGroups: string[];
  evidence?: EvidenceInput | null;
  monthlyVolume?: number | null;
  priority: NeedPriority;
  consequence?: string | null;
}

export type NeedPatch = Partial<Omit<NeedInput, 'departmentId'>>;

/** What a need says: its department and its own fields (the audit trail records it; the API shows it). */
export const needContent = (n: Pick<NeedEntity, 'departmentId' | keyof NeedFields>) => ({
  departmentId: n.departmentId,
  areaCode: n.areaCode,
  title: n.title,
  description: n.description,
  channels: n.channels,
  districts: n.districts,
  targetGroups: n.targetGroups,
  evidence: n.evidence,
  monthlyVolume: n.monthlyVolume,
  priority: n.priority,
  consequence: n.consequence,
});

/**
 * Behov: coordinators log their department's needs while the round collects needs and the
 * department's submission is a draft (or returned); every change is audited.
 */
@Injectable()
export class NeedService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly needs: NeedRepository,
    private readonly submissions: SubmissionRepository,
    private readonly reference: ReferenceDataService,
    private readonly rounds: PlanRoundQueryService,
    private readonly audit: AuditService,
  ) {}

  /** The need; with `roundId`, only if it belongs to that round. */
  async get(id: string, roundId?: string): Promise<NeedEntity> {
    const need = await this.needs.findById(id);
    if (!need || (roundId !== undefined && need.roundId !== roundId)) throw CommonError.notFound('Behovet', id);
    return need;
  }

  /** The needs the reader may read: their departments' (visibleDepartments), and of other departments only those handed in. */
  async list(roundId: string, scope: RoundReaderScope, filter: Omit<NeedFilter, 'departmentIds' | 'draftsOf'> = {}): Promise<NeedRow[]> {
    const round = await this.rounds.basics(roundId);
    return this.needs.list(roundId, { ...filter, departmentIds: visibleDepartments(round, scope), draftsOf: draftReadableDepartments(scope) });
  }

  async create(actor: Actor, roundId: string, input: NeedInput): Promise<NeedEntity> {
    return this.tx.run(async () => {
      const round = await this.rounds.basics(roundId, true);
      await this.check(round, input.departmentId, input);
      await this.requireEditable(round, input.departmentId);
      const values = normalise(input);
      const need = await this.needs.insert({ ...values, roundId, departmentId: input.departmentId, createdById: actor.personId } as NeedEntity);
      await this.audit.record(actor, { action: 'need.created', subjectType: 'need', subjectId: need.id, after: needContent(need) });
      return need;
    });
  }

  async update(actor: Actor, id: string, patch: NeedPatch, roundId?: string): Promise<NeedEntity> {
    return this.tx.run(async () => {
      const need = await this.get(id, roundId);
      const round = await this.rounds.basics(need.roundId, true);
      const before = needContent(need);
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const changed = { ...before, ...given, departmentId: need.departmentId } as NeedInput;
      await this.check(round, need.departmentId, changed);
      await this.requireEditable(round, need.departmentId);
      const values = normalise(changed);
      Object.assign(need, values);
      const saved = await this.needs.save(need);
      await this.audit.record(actor, { action: 'need.updated', subjectType: 'need', subjectId: id, before, after: needContent(saved) });
      return saved;
    });
  }

  async delete(actor: Actor, id: string, roundId?: string): Promise<void> {
    await this.tx.run(async () => {
      const need = await this.get(id, roundId);
      const round = await this.rounds.basics(need.roundId, true);
      await this.requireEditable(round, need.departmentId);
      await this.needs.delete(id);
      await this.audit.record(actor, { action: 'need.deleted', subjectType: 'need', subjectId: id, before: needContent(need) });
    });
  }

  /**
   * Every rule of the need at once: those of need.rules.ts, then those that ask
   * the database (the department takes part, the area is the round's, the
   * codes are active reference data), in the same shape.
   */
  private async check(round: RoundBasics, departmentId: string, input: NeedInput): Promise<void> {
    const v = new Violations().addAll(needViolations(input, this.today()));
    v.when(!round.participants.some((p) => p.departmentId === departmentId), 'departmentId', 'participant', 'Förvaltningen deltar inte i planomgången');
    const areaCode = input.areaCode.trim().toUpperCase();
    if (!v.has('areaCode')) {
      v.when(!round.areas.some((a) => a.code === areaCode), 'areaCode', 'roundArea', `Planomgången har inget utvecklingsområde med koden ${areaCode}`);
    }
    const unknown = await this.reference.unknownCodes([
      { kind: 'channel', codes: codesOf(input.channels), field: 'channels' },
      { kind: 'district', codes: codesOf(input.districts), field: 'districts' },
      { kind: 'target_group', codes: codesOf(input.targetGroups), field: 'targetGroups' },
    ]);
    v.addAll(unknown).throwIfAny();
  }

  private async requireEditable(round: RoundBasics, departmentId: string): Promise<void> {
    const submission = await this.submissions.find(round.id, departmentId);
    const refusal = needsChangeRefusal(round, submission?.status ?? 'draft');
    if (refusal) throw refusal;
  }

  private today(): string {
    return this.rounds.today();
  }
}

const codesOf = (codes: string[]) => [...new Set(codes.map((c) => c.trim()).filter((c) => c !== ''))];

/** The need as stored: texts trimmed (an empty optional text is null), codes trimmed and without repeats. */
function normalise(input: Omit<NeedInput, 'departmentId'>) {
  const text = (v: string | null | undefined) => (v === undefined || v === null ? null : v.trim() || null);
  return {
    areaCode: input.areaCode.trim().toUpperCase(),
    title: input.title.trim(),
    description: input.description.trim(),
    channels: codesOf(input.channels),
    districts: codesOf(input.districts),
    targetGroups: codesOf(input.targetGroups),
    evidence: input.evidence ? { kind: input.evidence.kind, source: input.evidence.source.trim(), date: input.evidence.date ?? null } : null,
    monthlyVolume: input.monthlyVolume ?? null,
    priority: input.priority,
    consequence: text(input.consequence),
  };
}
