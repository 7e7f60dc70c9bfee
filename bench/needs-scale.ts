import { Actor } from '@samverka/audit';
import { addDays, LocalDate } from '@samverka/kernel';
import { PlanRoundCommandService } from '@samverka/rounds';
import { Client } from 'pg';

export interface NeedsScale {
  roundId: string;
  departments: number;
  needs: number;
}

/**
 * The needs-analysis scale case, on top of addScaleData's departments: a round of its own (created
 * through the service, so it is a real round; `year` must have no active round) with every
 * BENCH-nnnn department taking part, and `needsPerDepartment` needs each, inserted set-based. With
 * n the department's number and k the need's: the area cycles through the round's five, but
 * departments with n % 4 = 0 use only three (gaps); one to three channels, one or two districts,
 * zero to two target groups, all spread over the reference data; no estimate when k % 10 = 0;
 * evidence on every other need; even departments have handed in.
 */
export async function addNeedsScaleData(
  client: Client,
  rounds: PlanRoundCommandService,
  actor: Actor,
  values: { year: number; today: LocalDate; needsPerDepartment: number },
): Promise<NeedsScale> {
  const { rows: first } = await client.query<{ id: string }>(`select id from department where code ~ '^BENCH-[0-9]+$' and active order by code limit 1`);
  if (first.length === 0) throw new Error('no BENCH departments: addScaleData first');
  const round = await rounds.create(actor, {
    title: `Behovsanalys (bench) ${values.year}`,
    year: values.year,
    caseNumber: `BENCH-${values.year}`,
    participantDepartmentIds: [first[0].id],
    deadlines: { needs: addDays(values.today, 42) },
  });
  await client.query('begin');
  try {
    await client.query(
      `insert into plan_round_participant (round_id, department_id)
       select $1, id from department where code ~ '^BENCH-[0-9]+$'
       on conflict do nothing`,
      [round.id],
    );
    await client.query(
      `with d as (select id, substring(code from 7)::int as n from department where code ~ '^BENCH-[0-9]+$'),
            a as (select array_agg(code order by position) as codes from plan_round_area where round_id = $1),
            r as (select array_agg(code order by position) filter (where kind = 'channel') as channels,
                         array_agg(code order by position) filter (where kind = 'district') as districts,
                         array_agg(code order by position) filter (where kind = 'target_group') as groups
                    from reference_item where active)
       insert into need (round_id, department_id, area_code, title, description, channels, districts, target_groups, evidence, monthly_volume, priority, consequence)
       select $1, d.id,
              a.codes[1 + (d.n + k) % (case when d.n % 4 = 0 then 3 else cardinality(a.codes) end)],
              'Behov ' || k || ' (bench, förvaltning ' || d.n || ')',
              'Invånare hör av sig om ärenden som förvaltningen inte kan möta i dag; beskrivningen är lika lång som ett vanligt behov brukar vara, ungefär två meningar.',
              case k % 3
                when 0 then array[r.channels[1 + (d.n + k) % cardinality(r.channels)]]
                when 1 then array[r.channels[1 + (d.n + k) % cardinality(r.channels)], r.channels[1 + (d.n + k + 3) % cardinality(r.channels)]]
                else array[r.channels[1 + (d.n + k) % cardinality(r.channels)], r.channels[1 + (d.n + k + 3) % cardinality(r.channels)], r.channels[1 + (d.n + k + 5) % cardinality(r.channels)]]
              end,
              case when k % 4 = 0 then array[r.districts[1 + (d.n + k) % cardinality(r.districts)], r.districts[1 + (d.n + k + 2) % cardinality(r.districts)]]
                   else array[r.districts[1 + (d.n + k) % cardinality(r.districts)]] end,
              case k % 3 when 0 then '{}'::text[]
                         when 1 then array[r.groups[1 + (d.n * 7 + k) % cardinality(r.groups)]]
                         else array[r.groups[1 + (d.n * 7 + k) % cardinality(r.groups)], r.groups[1 + (d.n * 7 + k + 4) % cardinality(r.groups)]] end,
              case when k % 2 = 0 then jsonb_build_object('kind', 'statistics', 'source', 'Ärendestatistik (bench)', 'date', null) end,
              case when k % 10 = 0 then null else (d.n * 37 + k * 11) % 400 end,
              (array['high', 'medium', 'low'])[1 + (d.n + k) % 3],
              case when k % 3 = 0 then 'Ärenden blir liggande' end
         from d cross join generate_series(1, $2::int) as k cross join a cross join r`,
      [round.id, values.needsPerDepartment],
    );
    await client.query(
      `insert into needs_submission (round_id, department_id, status, submitted_at, version)
       select $1, id, 'submitted', now(), 2 from department where code ~ '^BENCH-[0-9]+$' and substring(code from 7)::int % 2 = 0`,
      [round.id],
    );
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  }
  await client.query('analyze');
  const { rows } = await client.query<{ departments: string; needs: string }>(
    `select (select count(*) from plan_round_participant where round_id = $1) as departments, (select count(*) from need where round_id = $1) as needs`,
    [round.id],
  );
  return { roundId: round.id, departments: Number(rows[0].departments), needs: Number(rows[0].needs) };
}
