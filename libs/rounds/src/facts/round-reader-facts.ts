import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/**
 * What a context that builds on rounds tells the rounds about who else may read a round. The rounds
 * context cannot import it (it imports rounds): the higher context (the consultation: a committee the
 * plan was sent to on remiss reads the round, even when none of its departments takes part) marks its
 * provider `@ProvidesRoundReaderFacts(true)`, and `RoundReaderFacts` finds it at start.
 */
export interface RoundReaderFactsProvider {
  /** The rounds that these committees may read besides those their departments take part in (one statement). */
  roundsReadByCommittees(committeeIds: readonly string[]): Promise<string[]>;
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

  roundsReadByCommittees(committeeIds: readonly string[]): Promise<string[]> {
    return this.provider && committeeIds.length > 0 ? this.provider.roundsReadByCommittees(committeeIds) : Promise.resolve([]);
  }
}
