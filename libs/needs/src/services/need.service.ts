import { Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { CommonError } from '@samverka/kernel';
import { PlanRoundService, RoundBasics, RoundReaderScope } from '@samverka/rounds';
import { Evidence, NeedEntity, NeedPriority } from '../entities/need.entity';
import { needsChangeRefusal } from '../rules/needs-change.rules';
import { NeedFilter, NeedRepository, NeedRow } from '../repositories/need.repository';
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

const snapshot = (n: NeedEntity) => ({
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

/** The departments of a round a reader may see the needs of: all for strategists and admins; otherwise their own and their committee's. */
export function visibleDepartments(round: RoundBasics, scope: RoundReaderScope): string[] | undefined {
  if (scope.all) return undefined;
  return round.participants.filter((p) => scope.departmentIds.includes(p.departmentId) || scope.committeeIds.includes(p.committeeId)).map((p) => p.departmentId);
}

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
    private readonly rounds: PlanRoundService,
    private readonly audit: AuditService,
  ) {}

  /** The need; with `roundId`, only if it belongs to that round. */
  async get(id: string, roundId?: string): Promise<NeedEntity> {
    const need = await this.needs.findById(id);
    if (!need || (roundId !== undefined && need.roundId !== roundId)) throw CommonError.notFound('Behovet', id);
    return need;
  }

  async list(roundId: string, scope: RoundReaderScope, filter: Omit<NeedFilter, 'departmentIds'> = {}): Promise<NeedRow[]> {
    const round = await this.rounds.basics(roundId);
    return this.needs.list(roundId, { ...filter, departmentIds: visibleDepartments(round, scope) });
  }

  async create(actor: Actor, roundId: string, input: NeedInput): Promise<NeedEntity> {
    const values = normalise(input);
    return this.tx.run(async () => {
      const round = await this.rounds.basics(roundId, true);
      await this.check(round, input.departmentId, values);
      await this.requireEditable(round, input.departmentId);
      const need = await this.needs.insert({ ...values, roundId, departmentId: input.departmentId, createdById: actor.personId } as NeedEntity);
      await this.audit.record(actor, { action: 'need.created', subjectType: 'need', subjectId: need.id, after: snapshot(need) });
      return need;
    });
  }

  async update(actor: Actor, id: string, patch: NeedPatch, roundId?: string): Promise<NeedEntity> {
    return this.tx.run(async () => {
      const need = await this.get(id, roundId);
      const round = await this.rounds.basics(need.roundId, true);
      const before = snapshot(need);
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const values = normalise({ ...before, ...given, departmentId: need.departmentId } as NeedInput);
      await this.check(round, need.departmentId, values);
      await this.requireEditable(round, need.departmentId);
      Object.assign(need, values);
      const saved = await this.needs.save(need);
      await this.audit.record(actor, { action: 'need.updated', subjectType: 'need', subjectId: id, before, after: snapshot(saved) });
      return saved;
    });
  }

  async delete(actor: Actor, id: string, roundId?: string): Promise<void> {
    await this.tx.run(async () => {
      const need = await this.get(id, roundId);
      const round = await this.rounds.basics(need.roundId, true);
      await this.requireEditable(round, need.departmentId);
      await this.needs.delete(id);
      await this.audit.record(actor, { action: 'need.deleted', subjectType: 'need', subjectId: id, before: snapshot(need) });
    });
  }

  private async check(round: RoundBasics, departmentId: string, values: ReturnType<typeof normalise>): Promise<void> {
    if (!round.participants.some((p) => p.departmentId === departmentId)) {
      throw CommonError.invalidField('departmentId', 'participant', 'Förvaltningen deltar inte i planomgången');
    }
    if (!round.areas.some((a) => a.code === values.areaCode)) {
      throw CommonError.invalidField('areaCode', 'roundArea', `Planomgången har inget utvecklingsområde med koden ${values.areaCode}`);
    }
    await this.reference.requireActive('channel', values.channels, 'channels');
    await this.reference.requireActive('district', values.districts, 'districts');
    await this.reference.requireActive('target_group', values.targetGroups, 'targetGroups');
    if (values.evidence?.date && values.evidence.date > this.today()) {
      throw CommonError.invalidField('evidence.date', 'notInFuture', 'Underlagets datum kan inte ligga i framtiden');
    }
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

function normalise(input: Omit<NeedInput, 'departmentId'> & { departmentId?: string }) {
  const text = (v: string | null | undefined) => (v === undefined || v === null ? null : v.trim() || null);
  const unique = (codes: string[]) => [...new Set(codes.map((c) => c.trim()))];
  const title = input.title.trim();
  const description = input.description.trim();
  if (!title) throw CommonError.invalidField('title', 'isNotEmpty', 'Ange en rubrik');
  if (!description) throw CommonError.invalidField('description', 'isNotEmpty', 'Beskriv behovet');
  const channels = unique(input.channels);
  if (channels.length === 0) throw CommonError.invalidField('channels', 'arrayNotEmpty', 'Ange minst en kanal');
  return {
    areaCode: input.areaCode.trim().toUpperCase(),
    title,
    description,
    channels,
    districts: unique(input.districts),
    targetGroups: unique(input.targetGroups),
    evidence: input.evidence ? { kind: input.evidence.kind, source: input.evidence.source.trim(), date: input.evidence.date ?? null } : null,
    monthlyVolume: input.monthlyVolume ?? null,
    priority: input.priority,
    consequence: text(input.consequence),
  };
}
