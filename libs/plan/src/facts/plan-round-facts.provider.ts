import { Injectable } from '@nestjs/common';
import { JsonRow, ProvidesRoundFacts, RoundFactProvider } from '@samverka/rounds';
import type { PlanVersionFact } from '@samverka/workflow';
import type { PlanDocument } from '../plan.model';

/**
 * The round's "plan" facts: the last frozen version as the SEND_FOR_CONSULTATION guard judges it
 * (that version is what would be sent), each item with its code and how many accountables it has,
 * and whether the draft has changed since (the guard refuses an outdated version). Null when no
 * version is frozen. One select, which the rounds nest in their own statement.
 */
@Injectable()
@ProvidesRoundFacts('plan')
export class PlanRoundFacts implements RoundFactProvider<'plan'> {
  readonly factsSql = `select p.draft_changed, v.snapshot
         from plan p join plan_version v on v.round_id = p.round_id and v.version = p.latest_version
        where p.round_id = $1`;

  factsFrom(rows: readonly JsonRow[]): PlanVersionFact | null {
    const row = rows[0] as { draft_changed: boolean; snapshot: PlanDocument } | undefined;
    return row ? planVersionFact(row.snapshot, row.draft_changed) : null;
  }
}

/** A frozen version as the workflow's guard reads it. */
export function planVersionFact(document: PlanDocument, draftChanged: boolean): PlanVersionFact {
  return {
    frozen: document.version !== null,
    draftChanged,
    version: document.version,
    areas: document.areas.map((a) => ({
      name: a.name,
      items: a.items.map((i) => ({ code: i.code, title: i.title, accountableCount: i.responsibilities.filter((r) => r.role === 'accountable').length })),
    })),
  };
}
