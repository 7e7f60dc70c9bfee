import { inTransaction } from './bench-database';
import { Actor } from '@samverka/audit';
import { addDays, LocalDate } from '@samverka/kernel';
import { PlanRoundCommandService } from '@samverka/rounds';
import { Client, Pool } from 'pg';

export interface ConcurrentCoordinators {
  roundId: string;
  /** One per coordinator, each coordinating only its own department. */
  coordinators: Array<{ email: string; departmentId: string }>;
  /** A valid need's content for the round (areas and reference codes that exist), without its department. */
  need: { areaCode: string; title: string; description: string; channels: string[]; districts: string[]; targetGroups: string[]; priority: 'medium' };
}

/**
 * The "needs created by 50 concurrent coordinators" case, set-based: `count` departments CONC-nn under a
 * committee of their own, each with one person who has an account (`passwordHash`, so they sign in as a
 * coordinator does) and a current, acknowledged primary assignment for that department only; and a round
 * of its own (created through the service, `year` must have no active round) moved by SQL to needs
 * collection (its launch emails are not what is measured) with those departments taking part.
 */
export async function addConcurrentCoordinators(
  client: Client,
  rounds: PlanRoundCommandService,
  actor: Actor,
  values: { year: number; today: LocalDate; count: number; passwordHash: string; responsibilities: string[] },
): Promise<ConcurrentCoordinators> {
  await inTransaction(client, async () => {
    await client.query(`insert into committee (code, name) values ('CONC-N', 'Samtidighetsnämnd (bench)')`);
    await client.query(
      `insert into department (code, name, committee_id)
       select 'CONC-' || lpad(g::text, 3, '0'), 'Samtidighetsförvaltning ' || lpad(g::text, 3, '0'), c.id
         from generate_series(1, $1::int) g cross join committee c where c.code = 'CONC-N'`,
      [values.count],
    );
    await client.query(
      `insert into person (name, email, title)
       select 'Samordnare ' || code, lower(code) || '@concurrent-bench.example', 'Samordnare (bench)' from department where code::text ~ '^CONC-[0-9]+$'`,
    );
    await client.query(
      `insert into app_user (person_id, password_hash) select id, $1 from person where email like '%@concurrent-bench.example'`,
      [values.passwordHash],
    );
    await client.query(
      `insert into coordinator_assignment (department_id, person_id, kind, mandate, responsibilities, valid_from, acknowledged_at)
       select d.id, p.id, 'primary', 'Mandat att företräda förvaltningen (bench).', $2::text[], $1::date - 30, now()
         from department d join person p on p.email = lower(d.code) || '@concurrent-bench.example'
        where d.code::text ~ '^CONC-[0-9]+$'`,
      [values.today, values.responsibilities],
    );
  });
  const { rows: departments } = await client.query<{ id: string; email: string }>(
    `select d.id, p.email from department d join person p on p.email = lower(d.code) || '@concurrent-bench.example' where d.code::text ~ '^CONC-[0-9]+$' order by d.code`,
  );
  const round = await rounds.create(actor, {
    title: `Samtidiga behov (bench) ${values.year}`,
    year: values.year,
    caseNumber: `CONC-${values.year}`,
    participantDepartmentIds: [departments[0].id],
    deadlines: { needs: addDays(values.today, 42) },
  });
  await inTransaction(client, async () => {
    await client.query(`update plan_round set state = 'collectingNeeds' where id = $1`, [round.id]);
    await client.query(
      `insert into plan_round_participant (round_id, department_id) select $1, id from department where code::text ~ '^CONC-[0-9]+$' on conflict do nothing`,
      [round.id],
    );
  });
  await client.query('analyze');
  const { rows: area } = await client.query<{ code: string }>(`select code from plan_round_area where round_id = $1 order by position limit 1`, [round.id]);
  const firstOf = async (kind: string) =>
    (await client.query<{ code: string }>(`select code from reference_item where kind = $1 and active order by position limit 1`, [kind])).rows[0].code;
  return {
    roundId: round.id,
    coordinators: departments.map((d) => ({ email: d.email, departmentId: d.id })),
    need: {
      areaCode: area[0].code,
      title: 'Behov (bench, samtidigt)',
      description: 'Invånare hör av sig om ärenden som förvaltningen inte kan möta i dag; ungefär två meningar som ett vanligt behov.',
      channels: [await firstOf('channel')],
      districts: [await firstOf('district')],
      targetGroups: [await firstOf('target_group')],
      priority: 'medium',
    },
  };
}

/**
 * The baseline of the 50-coordinator case: the same rows inserted straight into `need` with raw `pg`,
 * one connection per coordinator, all at once, for a bounded time and count. Returns the rows inserted
 * and the seconds it took (from the first insert to the last).
 */
export async function rawConcurrentNeedInserts(
  url: string,
  setup: ConcurrentCoordinators,
  limits: { durationSec: number; maxRows: number },
): Promise<{ rows: number; durationSec: number; latenciesMs: number[] }> {
  const pool = new Pool({ connectionString: url, max: setup.coordinators.length, application_name: 'samverka-bench-raw-needs' });
  try {
    // Open every connection first, so the measured time is the inserts'.
    const clients = await Promise.all(setup.coordinators.map(() => pool.connect()));
    const n = setup.need;
    let rows = 0;
    const latenciesMs: number[] = [];
    const start = performance.now();
    const deadline = start + limits.durationSec * 1000;
    await Promise.all(
      clients.map(async (c, i) => {
        try {
          while (performance.now() < deadline && rows < limits.maxRows) {
            const t0 = performance.now();
            await c.query(
              `insert into need (round_id, department_id, area_code, title, description, channels, districts, target_groups, priority)
               values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
              [setup.roundId, setup.coordinators[i].departmentId, n.areaCode, `${n.title} (rå)`, n.description, n.channels, n.districts, n.targetGroups, n.priority],
            );
            latenciesMs.push(performance.now() - t0);
            rows++;
          }
        } finally {
          c.release();
        }
      }),
    );
    return { rows, durationSec: (performance.now() - start) / 1000, latenciesMs };
  } finally {
    await pool.end();
  }
}
