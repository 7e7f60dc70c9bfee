import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Actor } from '@samverka/audit';
import { PlanRoundEventType, PlanRoundState } from '@samverka/workflow';
import type { RoundEventInput } from '../plan-round.model';

/** A step the workflow has just taken, as the contexts above the rounds see it (inside the step's transaction). */
export interface RoundStep {
  roundId: string;
  type: PlanRoundEventType;
  from: PlanRoundState;
  to: PlanRoundState;
  forced: boolean;
  reason: string | null;
  /** The event as it was sent (a decision's date, body and minute reference travel here). */
  input: RoundEventInput;
  actor: Actor;
  /** The round's row version after the step. */
  version: number;
}

/**
 * What a context above the rounds does when a step is taken — the consultation sends its remiss on
 * SEND_FOR_CONSULTATION, records the decision on RECORD_DECISION — in the step's own transaction, so
 * the step, its history and those writes and emails commit together or not at all. An effect that
 * throws (a coded error) refuses the whole step.
 */
export interface RoundStepEffect {
  afterStep(step: RoundStep): Promise<void>;
}

/** Marks a provider as an effect of the steps it names: `@OnRoundStep(['SEND_FOR_CONSULTATION'])`. */
export const OnRoundStep = DiscoveryService.createDecorator<readonly PlanRoundEventType[]>();

/** Every `@OnRoundStep` provider in the app, collected at start; `run` calls those of a step's type, in the order found. */
@Injectable()
export class RoundStepEffects implements OnModuleInit {
  private readonly effects: Array<{ types: readonly PlanRoundEventType[]; effect: RoundStepEffect }> = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: OnRoundStep.KEY })) {
      const types = this.discovery.getMetadataByDecorator(OnRoundStep, wrapper);
      if (types && wrapper.instance) this.effects.push({ types, effect: wrapper.instance as RoundStepEffect });
    }
  }

  async run(step: RoundStep): Promise<void> {
    for (const { types, effect } of this.effects) {
      if (types.includes(step.type)) await effect.afterStep(step);
    }
  }
}
