import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Actor } from '@samverka/audit';

/** A round just created, as the contexts above the rounds see it (inside the creation's transaction). */
export interface RoundCreation {
  roundId: string;
  /** The earlier round this one was started from (next year's round from this one), or null. */
  fromRoundId: string | null;
  actor: Actor;
}

/**
 * What a context above the rounds does when a round is created — the plan's first draft from the
 * previous round's adopted plan, with the follow-up's latest statuses deciding what is carried over —
 * in the creation's own transaction, so the round and those writes commit together or not at all.
 */
export interface RoundCreatedEffect {
  afterCreated(creation: RoundCreation): Promise<void>;
}

/** Marks a provider as an effect of creating a round: `@OnRoundCreated()`. */
export const OnRoundCreated = DiscoveryService.createDecorator<true>();

/** Every `@OnRoundCreated` provider in the app, collected at start; `run` calls them in the order found. */
@Injectable()
export class RoundCreatedEffects implements OnModuleInit {
  private readonly effects: RoundCreatedEffect[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: OnRoundCreated.KEY })) {
      if (wrapper.instance) this.effects.push(wrapper.instance as RoundCreatedEffect);
    }
  }

  async run(creation: RoundCreation): Promise<void> {
    for (const effect of this.effects) await effect.afterCreated(creation);
  }
}
