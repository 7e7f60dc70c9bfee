import { inTransaction } from './bench-database';
import { Actor } from '@samverka/audit';
import { addDays, LocalDate } from '@samverka/kernel';
import { PlanRoundCommandService } from '@samverka/rounds';
import { Client } from 'pg';

export interface DigestScale {
  municipalities: number;
  departments: number;
  managers: number;
  collectingRoundId: string;
  followUpRoundId: string;
}

/** PostgreSQL's random() after `setseed(DIGEST_SEED)`: the same data on every run. */
export const DIGEST_SEED = 0.29;

/**
 * The status-digest scale case: `municipalities` × `perMunicipality` departments (290 × 15 ≈ 4,400:
 * "290 municipalities' worth"), each in a committee of its municipality, each with one management
 * user (every tenth with two), their frequency drawn (10 % off, 20 % weekly, 10 % monthly, the rest
 * the default). Two rounds of their own, created through the service and then moved by SQL to their
 * phase (the launch's per-person emails are not what is measured): one collecting needs with every
 * department (drawn: 40 % handed in and awaiting endorsement, 30 % endorsed, 30 % owing their needs),
 * one in follow-up with 20 items, two per department, a period due ten days ago and about half of
 * those reports made, some of them in the last week. Inserted set-based, random() seeded.
 */
export async function addDigestScaleData(
  client: Client,
  rounds: PlanRoundCommandService,
  actor: Actor,
  values: { year: number; today: LocalDate; municipalities: number; perMunicipality: number },
): Promise<DigestScale> {
  const departments = values.municipalities * values.perMunicipality;
  await inTransaction(client, async () => {
    await client.query('select setseed($1)', [DIGEST_SEED]);
    await client.query(
      `insert into committee (code, name) select 'DIGEST-N' || lpad(g::text, 3, '0'), 'Kommun ' || g || ': nämnd' from generate_series(1, $1::int) g`,
      [values.municipalities],
    );
    await client.query(
      `insert into department (code, name, committee_id)
       select 'DIGEST-' || lpad(g::text, 5, '0'), 'Digestförvaltning ' || lpad(g::text, 5, '0'), c.id
         from generate_series(1, $1::int) g
         join committee c on c.code = 'DIGEST-N' || lpad(((g - 1) / $2::int + 1)::text, 3, '0')`,
      [departments, values.perMunicipality],
    );
    await client.query(
      `create temp table digest_managers on commit drop as
       select d.id as department_id, d.code::text || '.' || m as key, random() as r
         from department d cross join generate_series(1, 2) m
        where d.code::text ~ '^DIGEST-[0-9]+$' and (m = 1 or substring(d.code::text from 8)::int % 10 = 0)`,
    );
    await client.query(`insert into person (name, email) select 'Chef ' || key, lower(key) || '@digest-bench.example' from digest_managers`);
    await client.query(`insert into app_user (person_id) select p.id from digest_managers m join person p on p.email = lower(m.key) || '@digest-bench.example'`);
    await client.query(
      `insert into role_grant (user_id, role, department_id)
       select u.id, 'management', m.department_id from digest_managers m join person p on p.email = lower(m.key) || '@digest-bench.example' join app_user u on u.person_id = p.id`,
    );
    await client.query(
      `insert into notification_preference (user_id, digest_frequency)
       select u.id, (case when m.r < 0.1 then 'off' when m.r < 0.3 then 'weekly' else 'monthly' end)::digest_frequency
         from digest_managers m join person p on p.email = lower(m.key) || '@digest-bench.example' join app_user u on u.person_id = p.id
        where m.r < 0.4`,
    );
  });
  const { rows: first } = await client.query<{ id: string }>(`select id from department where code = 'DIGEST-00001'`);
  const collecting = await rounds.create(actor, {
    title: `Lägesrapporter (bench) ${values.year}`,
    year: values.year,
    caseNumber: `DIGEST-${values.year}`,
    participantDepartmentIds: [first[0].id],
    deadlines: { needs: addDays(values.today, 21) },
  });
  const followUp = await rounds.create(actor, {
    title: `Uppföljning (bench) ${values.year + 1}`,
    year: values.year + 1,
    caseNumber: `DIGEST-${values.year + 1}`,
    participantDepartmentIds: [first[0].id],
    deadlines: { needs: addDays(values.today, 30) },
  });
  await inTransaction(client, async () => {
    await client.query('select setseed($1)', [DIGEST_SEED / 2]);
    await client.query(`update plan_round set state = 'collectingNeeds' where id = $1`, [collecting.id]);
    await client.query(`update plan_round set state = 'followUp' where id = $1`, [followUp.id]);
    for (const roundId of [collecting.id, followUp.id]) {
      await client.query(`insert into plan_round_participant (round_id, department_id) select $1, id from department where code::text ~ '^DIGEST-[0-9]+$' on conflict do nothing`, [roundId]);
    }
    await client.query(
      `insert into needs_submission (round_id, department_id, status, submitted_at, endorsed_at)
       select $1, d.id, s.status, case when s.status <> 'draft' then now() end, case when s.status = 'endorsed' then now() end
         from department d
         cross join lateral (select case when random() < 0.4 then 'submitted' when random() < 0.5 then 'endorsed' else 'draft' end as status) s
        where d.code::text ~ '^DIGEST-[0-9]+$'`,
      [collecting.id],
    );
    await client.query(
      `insert into follow_up_item (round_id, item_id, code, area_code, title, position)
       select $1, gen_random_uuid(), 'UF-' || g, 'SAMARBETSPROCESS', 'Insats ' || g || ' (bench)', g from generate_series(1, 20) g`,
      [followUp.id],
    );
    await client.query(`insert into follow_up_period (round_id, label, due_on, position) values ($1, 'T1 (bench)', $2::date - 10, 1), ($1, 'T2 (bench)', $2::date + 120, 2)`, [followUp.id, values.today]);
    await client.query(
      `insert into follow_up_obligation (round_id, item_id, department_id, contact_centre)
       select $1, i.item_id, d.id, false
         from department d
         join follow_up_item i on i.round_id = $1 and i.position in (1 + substring(d.code::text from 8)::int % 20, 1 + (substring(d.code::text from 8)::int + 7) % 20)
        where d.code::text ~ '^DIGEST-[0-9]+$'`,
      [followUp.id],
    );
    await client.query(
      `insert into follow_up_report (round_id, period_id, item_id, department_id, contact_centre, revision, status, progress, comment, source, reported_by_name, reported_at)
       select o.round_id, p.id, o.item_id, o.department_id, false, 1, 'on_track', 50, 'Enligt plan (bench).', 'api', 'Bench', now() - (random() * interval '20 days')
         from follow_up_obligation o
         join follow_up_period p on p.round_id = o.round_id and p.position = 1
        where o.round_id = $1 and random() < 0.5`,
      [followUp.id],
    );
  });
  await client.query('analyze');
  const { rows: counted } = await client.query<{ managers: number }>(`select count(*)::int as managers from person where email like '%@digest-bench.example'`);
  return { municipalities: values.municipalities, departments, managers: counted[0].managers, collectingRoundId: collecting.id, followUpRoundId: followUp.id };
}
