import { INestApplicationContext } from '@nestjs/common';
import { Actor } from '@samverka/audit';
import { ConsultationService, ConsultationView } from '@samverka/consultation';
import { addDays, Clock, localDateInCity } from '@samverka/kernel';
import { PlanDraftService } from '@samverka/plan';
import { PlanRoundView } from '@samverka/rounds';
import { Given, TEST_ACTOR } from './given';

export const STRATEGIST_ACTOR: Actor = { personId: null, label: 'Stina Strateg' };

/** A round ready for its remiss: drafting its plan, with one item per area (the contact centre accountable) frozen as version 1. */
export interface ReadyRound extends PlanRoundView {
  /** The participating departments (one each under its own committee). */
  departments: Array<{ id: string; committeeId: string }>;
}

/** Builders for the remiss tests: a round with a complete frozen plan, a prepared remiss. */
export class GivenConsultation {
  constructor(
    private readonly app: INestApplicationContext,
    private readonly given: Given,
  ) {}

  async readyRound(): Promise<ReadyRound> {
    const a = await this.given.department();
    const b = await this.given.department();
    const round = await this.given.roundInDraftingPlan({ participantDepartmentIds: [a.id, b.id] });
    const drafts = this.app.get(PlanDraftService);
    for (const area of round.areas) {
      const { id } = await drafts.createItem(TEST_ACTOR, round.id, { areaCode: area.code, title: `Insats inom ${area.name}`, description: 'Beskrivning.' });
      await drafts.setResponsibilities(TEST_ACTOR, round.id, id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leder.' }] });
    }
    await drafts.freeze(TEST_ACTOR, round.id);
    return Object.assign(round, { departments: [a, b].map((d) => ({ id: d.id, committeeId: d.committeeId })) });
  }

  /** The remiss of version 1 to the round's departments' committees, replying `days` from today. */
  prepare(round: ReadyRound, over: Partial<Parameters<ConsultationService['prepare']>[2]> = {}, days = 40): Promise<ConsultationView> {
    const today = localDateInCity(this.app.get(Clock).now());
    return this.app.get(ConsultationService).prepare(STRATEGIST_ACTOR, round.id, {
      planVersion: 1,
      replyBy: addDays(today, days),
      committeeIds: round.departments.map((d) => d.committeeId),
      coverLetter: 'Kontaktcenter skickar planen på remiss.',
      ...over,
    });
  }
}
