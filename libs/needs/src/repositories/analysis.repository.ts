import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { EDITABLE_STATUSES } from '../entities/needs-submission.entity';
import { ReferenceKind } from '../entities/reference-item.entity';
import { NeedFilter } from './need.repository';

export interface CountCell {
  count: number;
  /** Sum of the needs' estimated errands per month (a need without an estimate counts as 0). */
  monthlyVolume: number;
}

export interface AreaChannelCount extends CountCell {
  areaCode: string;
  channel: string;
}

/** `null`: the need names no district (or no target group); such needs keep their own row instead of vanishing. */
export interface DistrictTargetGroupCount extends CountCell {
  district: string | null;
  targetGroup: string | null;
}

export interface DepartmentAreaCount extends CountCell {
  departmentId: string;
  areaCode: string;
}

/** Per district: the volume of its needs that use remote channels, and whether any of its needs names a physical channel. */
export interface DistrictPresence {
  district: string;
  remoteVolume: number;
  remoteChannels: string[];
  physical: boolean;
}

export interface NeedCounts {
  needs: number;
  departments: number;
  monthlyVolume: number;
  byAreaAndChannel: AreaChannelCount[];
  byDistrictAndTargetGroup: DistrictTargetGroupCount[];
  byDepartmentAndArea: DepartmentAreaCount[];
  districtPresence: DistrictPresence[];
}

export interface ReferenceLabel {
  kind: ReferenceKind;
  code: string;
  name: string;
  position: number;
}

interface CountsRow {
  by_area_and_channel: AreaChannelCount[];
  by_district_and_target_group: DistrictTargetGroupCount[];
  by_department_and_area: DepartmentAreaCount[];
  district_presence: DistrictPresence[];
}

/**
 * The needs analysis in one set-based statement, so one snapshot: the sections always add up to the
 * same set of needs. Each section groups the round's (filtered) needs its own way, with `unnest` of
 * the tag arrays. `scoped` is materialized: the round's needs are read once. Not materialized (each
 * section scanning `need` again) measured as fast at one round's worth of needs, but with ten years
 * of rounds in the table PostgreSQL costs each of the five scans over the larger table, the total
 * crosses `jit_above_cost`, and the JIT compilation and sorted aggregates made it half as slow again
 * (bench:country: 185 ms at 1× and 311 ms at 10× not materialized; 183 ms and 199 ms materialized).
 * `district_remote_channel` is materialized: a few dozen rows, read once per district. (Folding it
 * into `presence` needs a sort and measured slower.)
 */
@Injectable()
export class AnalysisRepository {
  constructor(private readonly tx: TransactionHost) {}

  async countNeeds(roundId: string, filter: NeedFilter, channels: { physical: readonly string[]; remote: readonly string[] }): Promise<NeedCounts> {
    const rows: CountsRow[] = await this.tx.manager.query(
      `with scoped as materialized (
         select n.department_id, n.area_code, n.channels, n.districts, n.target_groups, coalesce(n.monthly_volume, 0)::bigint as volume
           from need n
           left join needs_submission s on s.round_id = n.round_id and s.department_id = n.department_id
          where n.round_id = $1
            and ($2::uuid[] is null or n.department_id = any($2::uuid[]))
            and ($3::uuid is null or n.department_id = $3::uuid)
            and ($4::text is null or n.area_code = $4::text)
            and ($5::text is null or $5::text = any(n.channels))
            and ($6::text is null or $6::text = any(n.districts))
            and ($7::text is null or $7::text = any(n.target_groups))
            and ($8::text is null or coalesce(s.status, 'draft') = $8::text)
            and ($11::text[] is null or coalesce(s.status, 'draft') = any($11::text[]))
            and ($12::uuid[] is null or coalesce(s.status, 'draft') <> all($13::text[]) or n.department_id = any($12::uuid[]))
       ),
       -- a need with two channels counts once in each
       area_channel as (
         select s.area_code as "areaCode", c.channel, count(*)::int as count, sum(s.volume)::bigint as "monthlyVolume"
           from scoped s cross join lateral unnest(s.channels) as c(channel)
          group by s.area_code, c.channel
       ),
       district_target_group as (
         select d.district, t.target_group as "targetGroup", count(*)::int as count, sum(s.volume)::bigint as "monthlyVolume"
           from scoped s
           cross join lateral unnest(case when cardinality(s.districts) = 0 then array[null::text] else s.districts end) as d(district)
           cross join lateral unnest(case when cardinality(s.target_groups) = 0 then array[null::text] else s.target_groups end) as t(target_group)
          group by d.district, t.target_group
       ),
       department_area as (
         select s.department_id as "departmentId", s.area_code as "areaCode", count(*)::int as count, sum(s.volume)::bigint as "monthlyVolume"
           from scoped s
          group by s.department_id, s.area_code
       ),
       -- per district, each need once: the volume of those that use a remote channel, and whether any names a physical one
       presence as (
         select d.district,
                coalesce(sum(s.volume) filter (where s.channels && $10::text[]), 0)::bigint as "remoteVolume",
                bool_or(s.channels && $9::text[]) as physical
           from scoped s cross join lateral unnest(s.districts) as d(district)
          group by d.district
       ),
       district_remote_channel as materialized (
         select d.district, c.channel
           from scoped s cross join lateral unnest(s.districts) as d(district) cross join lateral unnest(s.channels) as c(channel)
          where c.channel = any($10::text[])
          group by d.district, c.channel
       )
       select (select coalesce(json_agg(x), '[]') from area_channel x) as by_area_and_channel,
              (select coalesce(json_agg(x), '[]') from district_target_group x) as by_district_and_target_group,
              (select coalesce(json_agg(x), '[]') from department_area x) as by_department_and_area,
              (select coalesce(json_agg(x), '[]')
                 from (select p.*, array(select r.channel from district_remote_channel r where r.district = p.district) as "remoteChannels" from presence p) x) as district_presence`,
      [
        roundId,
        filter.departmentIds ?? null,
        filter.departmentId ?? null,
        filter.areaCode ?? null,
        filter.channel ?? null,
        filter.district ?? null,
        filter.targetGroup ?? null,
        filter.status ?? null,
        channels.physical,
        channels.remote,
        filter.statuses ?? null,
        filter.draftsOf ?? null,
        EDITABLE_STATUSES,
      ],
    );
    const r = rows[0];
    const numbers = <T extends CountCell>(cells: T[]): T[] => cells.map((c) => ({ ...c, count: Number(c.count), monthlyVolume: Number(c.monthlyVolume) }));
    // every need is in exactly one department × area cell: the totals follow from those
    const byDepartmentAndArea = numbers(r.by_department_and_area);
    return {
      needs: byDepartmentAndArea.reduce((sum, c) => sum + c.count, 0),
      departments: new Set(byDepartmentAndArea.map((c) => c.departmentId)).size,
      monthlyVolume: byDepartmentAndArea.reduce((sum, c) => sum + c.monthlyVolume, 0),
      byAreaAndChannel: numbers(r.by_area_and_channel),
      byDistrictAndTargetGroup: numbers(r.by_district_and_target_group),
      byDepartmentAndArea,
      districtPresence: r.district_presence.map((p) => ({ ...p, remoteVolume: Number(p.remoteVolume) })),
    };
  }

  /** Names and order of every channel, district and target group (retired ones too: they stay on old needs). */
  labels(): Promise<ReferenceLabel[]> {
    return this.tx.manager.query(`select kind, code, name, position from reference_item order by kind, position, code`);
  }
}
