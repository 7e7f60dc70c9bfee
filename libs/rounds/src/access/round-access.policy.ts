import { Injectable } from '@nestjs/common';
import { Principal } from '@samverka/kernel';
import { PlanRoundRepository, RoundReaderScope } from '../repositories/plan-round.repository';

/**
 * Who may read and steer plan rounds. The answers that need only the
 * principal are functions (a page presenter may call them); "may this
 * principal read that round" needs the round's participants and is on the
 * injectable RoundAccessPolicy. The rows a reader may see are a
 * RoundReaderScope, which PlanRoundRepository applies in SQL.
 */

/** Which rounds a caller may read: strategists and admins all; others the rounds their departments or committees take part in. */
export function roundReadScope(p: Principal): RoundReaderScope {
  return {
    all: p.strategist || p.admin,
    departmentIds: [...new Set([...p.management, ...p.coordinator])],
    committeeIds: [...p.committeeSecretary],
  };
}

/** Strategists create rounds, change them and take their steps. */
export function maySteerRounds(p: Principal): boolean {
  return p.strategist;
}

@Injectable()
export class RoundAccessPolicy {
  constructor(private readonly rounds: PlanRoundRepository) {}

  /**
   * May the principal read this round? Strategists and admins any that exists; others one their departments
   * or committees take part in. False for a round that does not exist; a failing query is an error, not a refusal.
   */
  mayRead(p: Principal, roundId: string): Promise<boolean> {
    return this.rounds.isVisibleTo(roundId, roundReadScope(p));
  }
}
