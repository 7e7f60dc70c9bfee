import { Injectable } from '@nestjs/common';
import { Principal } from '@samverka/kernel';
import { actsForDepartment } from '@samverka/organisation';
import { RoundReaderScope } from '@samverka/rounds';
import { NeedRepository } from '../repositories/need.repository';

/**
 * Who may read and change which department's needs. The answers that need no
 * row are functions (a page presenter may call them); "whose need is this"
 * must load the need and is on the injectable NeedsAccessPolicy. The rows a
 * reader may see are the departments `visibleDepartments` names, which the
 * needs repositories apply in SQL.
 */

/** A department taking part in a round, with the committee it serves. */
export interface NeedsParticipant {
  departmentId: string;
  committeeId: string;
}

/**
 * May a reader of the round see this participant's needs? Strategists and admins every department's;
 * coordinators and managers their own department's; a committee secretary those of the departments the
 * committee serves.
 */
export function mayReadNeedsOf(scope: RoundReaderScope, participant: NeedsParticipant): boolean {
  return scope.all || scope.departmentIds.includes(participant.departmentId) || scope.committeeIds.includes(participant.committeeId);
}

/** The departments of a round whose needs a reader may see: undefined (no restriction) for strategists and admins. */
export function visibleDepartments(round: { participants: readonly NeedsParticipant[] }, scope: RoundReaderScope): string[] | undefined {
  if (scope.all) return undefined;
  return round.participants.filter((p) => mayReadNeedsOf(scope, p)).map((p) => p.departmentId);
}

/**
 * The departments whose needs the reader may read before they are handed in (a draft, or sent back to
 * the coordinator): a draft is the department's own, so only its coordinators and managers read it.
 * Everyone else (strategists, admins, committee secretaries) sees that a draft exists and how many
 * needs it has (the submissions list), not what the needs say. The needs repositories apply it in SQL.
 */
export function draftReadableDepartments(scope: RoundReaderScope): string[] {
  return scope.departmentIds;
}

/** The department's coordinators (and deputies) write, change and remove its needs, hand them in or report nothing. */
export function mayWriteNeedsOf(p: Principal, departmentId: string): boolean {
  return actsForDepartment(p, ['coordinator'], departmentId);
}

/** The department's management endorses what was handed in, or returns it. */
export function mayEndorseNeedsOf(p: Principal, departmentId: string): boolean {
  return actsForDepartment(p, ['management'], departmentId);
}

@Injectable()
export class NeedsAccessPolicy {
  constructor(private readonly needs: NeedRepository) {}

  /** The department a need belongs to; null when there is no such need. A failing query is an error, not a refusal. */
  async departmentOfNeed(needId: string): Promise<string | null> {
    return (await this.needs.findById(needId))?.departmentId ?? null;
  }
}
