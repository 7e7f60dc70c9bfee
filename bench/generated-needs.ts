/**
 * The bench's generated needs, the same in every data set: `perDepartment` needs ($2) of the round ($1)
 * for each department `departments` selects (`id`, and its number `n`), spread over the round's areas and
 * the reference data by arithmetic on n and the need's number (no random draw: every run the same data).
 * `label` marks the titles and evidence sources (e.g. "bench, ").
 */
export function generatedNeedsSql(departments: string, label: string): string {
  return `with d as (${departments}),
          a as (select array_agg(code order by position) as codes from plan_round_area where round_id = $1),
          r as (select array_agg(code order by position) filter (where kind = 'channel') as channels,
                       array_agg(code order by position) filter (where kind = 'district') as districts,
                       array_agg(code order by position) filter (where kind = 'target_group') as groups
                  from reference_item where active)
     insert into need (round_id, department_id, area_code, title, description, channels, districts, target_groups, evidence, monthly_volume, priority, consequence)
     select $1, d.id,
            a.codes[1 + (d.n + k) % (case when d.n % 4 = 0 then 3 else cardinality(a.codes) end)],
            'Behov ' || k || ' (${label}förvaltning ' || d.n || ')',
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
            case when k % 2 = 0 then jsonb_build_object('kind', 'statistics', 'source', 'Ärendestatistik${label ? ` (${label.replace(/, $/, '')})` : ''}', 'date', null) end,
            case when k % 10 = 0 then null else (d.n * 37 + k * 11) % 400 end,
            (array['high', 'medium', 'low'])[1 + (d.n + k) % 3],
            case when k % 3 = 0 then 'Ärenden blir liggande' end
       from d cross join generate_series(1, $2::int) as k cross join a cross join r`;
}
