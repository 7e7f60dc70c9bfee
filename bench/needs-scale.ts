import { inTransaction } from './bench-database';
import { generatedNeedsSql } from './generated-needs';
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
  await inTransaction(client, async () => {
    await client.query(
      `insert into plan_round_participant (round_id, department_id)
       select $1, id from department where code ~ '^BENCH-[0-9]+$'
       on conflict do nothing`,
      [round.id],
    );
    await client.query(
      generatedNeedsSql(`select id, substring(code from 7)::int as n from department where code ~ '^BENCH-[0-9]+$'`, 'bench, '),
      [round.id, values.needsPerDepartment],
    );
    await client.query(
      `insert into needs_submission (round_id, department_id, status, submitted_at, version)
       select $1, id, 'submitted', now(), 2 from department where code ~ '^BENCH-[0-9]+$' and substring(code from 7)::int % 2 = 0`,
      [round.id],
    );
  });
  await client.query('analyze');
  const { rows } = await client.query<{ departments: string; needs: string }>(
    `select (select count(*) from plan_round_participant where round_id = $1) as departments, (select count(*) from need where round_id = $1) as needs`,
    [round.id],
  );
  return { roundId: round.id, departments: Number(rows[0].departments), needs: Number(rows[0].needs) };
}
