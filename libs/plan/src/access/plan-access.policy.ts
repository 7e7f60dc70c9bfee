import { Injectable } from '@nestjs/common';
import { Principal } from '@samverka/kernel';
import { RoundAccessPolicy } from '@samverka/rounds';

/**
 * Who may do what with a round's plan. The answers that need only the principal are functions (a page
 * presenter may call them); reading the frozen versions needs the round's participants and is on the
 * injectable PlanAccessPolicy.
 */

/** Strategists edit the plan: texts, items, responsibilities, freezing, deferrals, answering questions. */
export function mayEditPlan(p: Principal): boolean {
  return p.strategist;
}

/** The draft (and what derives from it) is read by strategists and admins. */
export function mayReadPlanDraft(p: Principal): boolean {
  return p.strategist || p.admin;
}

@Injectable()
export class PlanAccessPolicy {
  constructor(private readonly rounds: RoundAccessPolicy) {}

  /** Frozen versions (and what derives from them) are read by whoever may read the round. */
  mayReadVersions(p: Principal, roundId: string): Promise<boolean> {
    return this.rounds.mayRead(p, roundId);
  }
}
