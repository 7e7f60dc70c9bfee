import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { LocalDate } from '@samverka/kernel';

/** The plan round a department takes part in right now, as the appointment email names it. */
export interface RunningRoundFact {
  roundTitle: string;
  /** The department's last day to hand in its needs, while the round collects them; null otherwise. */
  needsDeadline: LocalDate | null;
}

/**
 * What another context (the rounds) tells the organisation about a department when a coordinator is
 * appointed. The organisation context cannot import the rounds (they import it): the rounds context
 * marks its provider `@ProvidesAppointmentFacts()`, and `AppointmentFacts` finds it at start.
 */
export interface AppointmentFactsProvider {
  /** The running round the department takes part in on `day`, if any (one query). */
  runningRoundFor(departmentId: string, day: LocalDate): Promise<RunningRoundFact | null>;
}

export const ProvidesAppointmentFacts = DiscoveryService.createDecorator<true>();

/**
 * The appointment's facts from the app's provider. An app without the rounds (a tool that has no
 * rounds) has no provider: then no round is named, which is true of that app.
 */
@Injectable()
export class AppointmentFacts implements OnModuleInit {
  private provider: AppointmentFactsProvider | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery.getProviders({ metadataKey: ProvidesAppointmentFacts.KEY }).filter((w) => w.instance);
    if (found.length > 1) throw new Error(`${found.length} providers of the appointment facts (${found.map((w) => w.name).join(', ')}); there must be at most one`);
    this.provider = (found[0]?.instance as AppointmentFactsProvider | undefined) ?? null;
  }

  runningRoundFor(departmentId: string, day: LocalDate): Promise<RunningRoundFact | null> {
    return this.provider ? this.provider.runningRoundFor(departmentId, day) : Promise.resolve(null);
  }
}
