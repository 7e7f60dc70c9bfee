import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { StatusDigestSections } from '@samverka/notifications';

/**
 * The status digest (lägesrapport) that rides on the phase-change email: the rounds context cannot
 * import the digests (they build on it), so the digests context marks its provider
 * `@ProvidesPhaseChangeDigests()` and `PhaseChangeDigests` finds it at start. The email a phase change
 * sends to management stays one email: `round.phase_changed`, with the digest's sections in it.
 */
export interface PhaseChangeDigestsProvider {
  /**
   * Each user's digest sections for all their departments, as of now (inside the step's transaction,
   * so the round is already in its new phase), recorded as that user's latest digest. Bounded queries.
   */
  atPhaseChange(roundId: string, userIds: string[]): Promise<Map<string, StatusDigestSections>>;
}

export const ProvidesPhaseChangeDigests = DiscoveryService.createDecorator<true>();

/** The app's provider, if it has the digests context; without one the phase-change email carries no digest. */
@Injectable()
export class PhaseChangeDigests implements OnModuleInit {
  private provider: PhaseChangeDigestsProvider | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery.getProviders({ metadataKey: ProvidesPhaseChangeDigests.KEY }).filter((w) => w.instance);
    if (found.length > 1) throw new Error(`${found.length} providers of the phase-change digests (${found.map((w) => w.name).join(', ')}); there must be at most one`);
    this.provider = (found[0]?.instance as PhaseChangeDigestsProvider | undefined) ?? null;
  }

  atPhaseChange(roundId: string, userIds: string[]): Promise<Map<string, StatusDigestSections>> {
    return this.provider && userIds.length > 0 ? this.provider.atPhaseChange(roundId, userIds) : Promise.resolve(new Map());
  }
}
