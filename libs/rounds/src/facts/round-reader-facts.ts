import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/**
 * What a context that builds on rounds tells the rounds about who else may read a round. The rounds
 * context cannot import it (it imports rounds): the higher context (the consultation: a committee the
 * plan was sent to on remiss reads the round, even when none of its departments takes part) marks its
 * provider `@ProvidesRoundReaderFacts(true)`, and `RoundReaderFacts` finds it at start.
 */
export interface RoundReaderFactsProvider {
  /**
   * A select of `round_id`: the rounds that the committees `$1` (a uuid[], its only parameter) may read
   * besides those their departments take part in. The rounds nest it in their own statement (the
   * access check and the list are one statement each), with `$1` standing for their committees.
   */
  readonly roundsReadSql: string;
}

export const ProvidesRoundReaderFacts = DiscoveryService.createDecorator<true>();

/**
 * The extra rounds a committee reads, from the app's provider. An app without one (no consultation)
 * has no such rounds: a committee then reads the rounds its departments take part in, which is true of that app.
 */
@Injectable()
export class RoundReaderFacts implements OnModuleInit {
  private provider: RoundReaderFactsProvider | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery.getProviders({ metadataKey: ProvidesRoundReaderFacts.KEY }).filter((w) => w.instance);
    if (found.length > 1) throw new Error(`${found.length} providers of the round reader facts (${found.map((w) => w.name).join(', ')}); there must be at most one`);
    this.provider = (found[0]?.instance as RoundReaderFactsProvider | undefined) ?? null;
  }

  /** An SQL condition on the round `roundId` (a column): one the committees `committeeIds` (a uuid[] expression) read through the provider; `false` without one. */
  readByCommittees(roundId: string, committeeIds: string): string {
    if (!this.provider) return 'false';
    return `${roundId} in (${this.provider.roundsReadSql.replace(/\$1(?!\d)/g, committeeIds)}\n)`;
  }
}
