import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { NeedEntity } from '../entities/need.entity';
import { EDITABLE_STATUSES, SubmissionStatus } from '../entities/needs-submission.entity';

export interface NeedFilter {
  departmentIds?: string[];
  departmentId?: string;
  areaCode?: string;
  channel?: string;
  district?: string;
  targetGroup?: string;
  status?: string;
  /** Only needs whose submission has one of these statuses. */
  statuses?: readonly SubmissionStatus[];
  /**
   * The departments whose needs may be read before they are handed in (draft or sent back); other
   * departments' such needs are left out. Undefined: no restriction (the service always sets it for a reader).
   */
  draftsOf?: string[];
  /** At most this many (in the list's order: department, title, id); undefined: all. */
  limit?: number;
  /** Skipping this many first. */
  offset?: number;
}

export type NeedRow = NeedEntity & { departmentName: string; submissionStatus: string };

@Injectable()
export class NeedRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(NeedEntity);
  }

  findById(id: string): Promise<NeedEntity | null> {
    return this.repo.findOneBy({ id });
  }

  insert(values: Omit<NeedEntity, 'id' | 'createdAt' | 'updatedAt' | 'participant'>): Promise<NeedEntity> {
    return this.repo.save(this.repo.create(values));
  }

  save(need: NeedEntity): Promise<NeedEntity> {
    return this.repo.save(need);
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }

  countFor(roundId: string, departmentId: string): Promise<number> {
    return this.repo.countBy({ roundId, departmentId });
  }

  /** A round's needs with their department's name and submission status, filtered; one query, ordered by department then title. */
  async list(roundId: string, filter: NeedFilter): Promise<NeedRow[]> {
    const q = this.repo
      .createQueryBuilder('n')
      .innerJoin('department', 'd', 'd.id = n.department_id')
      .leftJoin('needs_submission', 's', 's.round_id = n.round_id and s.department_id = n.department_id')
      .addSelect('d.name', 'department_name')
      .addSelect(`coalesce(s.status, 'draft')`, 'submission_status')
      .where('n.round_id = :roundId', { roundId })
      .orderBy('d.name', 'ASC')
      .addOrderBy('n.title', 'ASC')
      .addOrderBy('n.id', 'ASC');
    if (filter.departmentIds) q.andWhere('n.department_id = any(:departmentIds::uuid[])', { departmentIds: filter.departmentIds });
    if (filter.departmentId) q.andWhere('n.department_id = :departmentId', { departmentId: filter.departmentId });
    if (filter.areaCode) q.andWhere('n.area_code = :areaCode', { areaCode: filter.areaCode });
    if (filter.channel) q.andWhere(':channel = any(n.channels)', { channel: filter.channel });
    if (filter.district) q.andWhere(':district = any(n.districts)', { district: filter.district });
    if (filter.targetGroup) q.andWhere(':targetGroup = any(n.target_groups)', { targetGroup: filter.targetGroup });
    if (filter.status) q.andWhere(`coalesce(s.status, 'draft') = :status`, { status: filter.status });
    if (filter.statuses) q.andWhere(`coalesce(s.status, 'draft') = any(:statuses::text[])`, { statuses: filter.statuses });
    if (filter.draftsOf) {
      q.andWhere(`(coalesce(s.status, 'draft') <> all(:unsubmitted::text[]) or n.department_id = any(:draftsOf::uuid[]))`, {
        unsubmitted: EDITABLE_STATUSES,
        draftsOf: filter.draftsOf,
      });
    }
    if (filter.limit !== undefined) q.limit(filter.limit);
    if (filter.offset) q.offset(filter.offset);
    const { entities, raw } = await q.getRawAndEntities<{ department_name: string; submission_status: string }>();
    return entities.map((e, i) => Object.assign(e, { departmentName: raw[i].department_name, submissionStatus: raw[i].submission_status }));
  }
}
