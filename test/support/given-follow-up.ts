import type { INestApplicationContext } from '@nestjs/common';
import { PlanDraftService, ResponsibilityRole } from '@samverka/plan';
import { PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { DataSource } from 'typeorm';
import { Given, TEST_ACTOR } from './given';

/** One organisation's part in an item of the adopted plan. */
export interface AdoptedResponsibility {
  departmentId?: string;
  contactCentre?: true;
  role: ResponsibilityRole;
  effortHours?: number | null;
}

export interface AdoptedItemSpec {
  areaCode: string;
  title: string;
  responsibilities: AdoptedResponsibility[];
}

export interface RoundInFollowUp {
  round: PlanRoundView;
  /** The spec's items in order: their ids and generated codes. */
  items: Array<{ id: string; code: string; title: string }>;
  /** Ids of the items added so that every area has one (the contact centre accountable, no effort). */
  fillers: Array<{ id: string; code: string }>;
  /** The decision's date (the default periods follow from it). */
  decidedOn: string;
}

/**
 * A round whose plan the board has adopted, built through the real services and workflow: the items
 * given (plus one item, contact centre accountable, in every area the spec leaves empty, as sending
 * requires), version 1 frozen, the remiss sent and closed, submitted, and RECORD_DECISION adopted —
 * so the follow-up is set up by its own step effect, with the default periods.
 */
export class GivenFollowUp {
  constructor(
    private readonly app: INestApplicationContext,
    private readonly given: Given,
  ) {}

  async roundInFollowUp(values: { participantDepartmentIds: string[]; items: AdoptedItemSpec[]; year?: number; decidedOn?: string }): Promise<RoundInFollowUp> {
    const drafts = this.app.get(PlanDraftService);
    const steps = this.app.get(PlanRoundStepService);
    const db = this.app.get(DataSource);
    const round = await this.given.roundInDraftingPlan({ year: values.year, participantDepartmentIds: values.participantDepartmentIds });
    const items: RoundInFollowUp['items'] = [];
    for (const spec of values.items) {
      const created = await drafts.createItem(TEST_ACTOR, round.id, { areaCode: spec.areaCode, title: spec.title, description: `Beskrivning av ${spec.title}.` });
      await drafts.setResponsibilities(TEST_ACTOR, round.id, created.id, {
        responsibilities: spec.responsibilities.map((r) => ({
          ...(r.contactCentre ? { contactCentre: true } : { departmentId: r.departmentId }),
          role: r.role,
          expectations: 'Enligt planen.',
          effortHours: r.effortHours ?? null,
        })),
      });
      items.push({ id: created.id, code: created.code, title: spec.title });
    }
    const fillers: RoundInFollowUp['fillers'] = [];
    for (const area of round.areas.filter((a) => !values.items.some((i) => i.areaCode === a.code))) {
      const created = await drafts.createItem(TEST_ACTOR, round.id, { areaCode: area.code, title: `Insats inom ${area.name}`, description: 'Beskrivning.' });
      await drafts.setResponsibilities(TEST_ACTOR, round.id, created.id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leder.' }] });
      fillers.push({ id: created.id, code: created.code });
    }
    const { version } = await drafts.freeze(TEST_ACTOR, round.id);
    await db.query(`insert into consultation (round_id, plan_version, reply_by, cover_letter) values ($1, $2, $3, 'Planen på remiss.')`, [round.id, version, `${round.year + 1}-03-31`]);
    await steps.transition(TEST_ACTOR, round.id, { type: 'SEND_FOR_CONSULTATION' });
    await steps.transition(TEST_ACTOR, round.id, { type: 'CLOSE_CONSULTATION', force: true, reason: 'Alla svar inkomna' });
    await steps.transition(TEST_ACTOR, round.id, { type: 'SUBMIT_FOR_DECISION' });
    const decidedOn = values.decidedOn ?? `${round.year + 1}-05-20`;
    const adopted = await steps.transition(TEST_ACTOR, round.id, { type: 'RECORD_DECISION', outcome: 'adopted', decidedOn, body: 'Kommunstyrelsen', minuteReference: '§ 71' });
    return { round: adopted, items, fillers, decidedOn };
  }
}
