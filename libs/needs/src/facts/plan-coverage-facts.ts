import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/** What the plan of a round answers, for the needs analysis's gap "area or channel without a plan item". */
export interface PlanCoverageFact {
  /** The round's areas that have at least one item in the plan's draft. */
  areasWithItems: string[];
  /** The channels named by at least one handed-in need that an item of the draft answers. */
  answeredChannels: string[];
}

/**
 * What another context (the plan) tells the needs analysis about a round's plan. The needs context
 * cannot import the plan (the plan imports it): the plan context marks its provider
 * `@ProvidesPlanCoverageFacts(true)`, and `PlanCoverageFacts` finds it at start.
 */
export interface PlanCoverageFactsProvider {
  /** What the round's plan covers (one query); null when the round has no plan yet. */
  coverageOf(roundId: string): Promise<PlanCoverageFact | null>;
}

export const ProvidesPlanCoverageFacts = DiscoveryService.createDecorator<true>();

/**
 * The plan's coverage from the app's provider. An app without the plan context has no provider: then
 * no round has a plan, and the analysis reports no gap about plan items, which is true of that app.
 */
@Injectable()
export class PlanCoverageFacts implements OnModuleInit {
  private provider: PlanCoverageFactsProvider | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery.getProviders({ metadataKey: ProvidesPlanCoverageFacts.KEY }).filter((w) => w.instance);
    if (found.length > 1) throw new Error(`${found.length} providers of the plan coverage facts (${found.map((w) => w.name).join(', ')}); there must be at most one`);
    this.provider = (found[0]?.instance as PlanCoverageFactsProvider | undefined) ?? null;
  }

  coverageOf(roundId: string): Promise<PlanCoverageFact | null> {
    return this.provider ? this.provider.coverageOf(roundId) : Promise.resolve(null);
  }
}
