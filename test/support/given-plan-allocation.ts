import type { INestApplicationContext } from '@nestjs/common';
import { PlanDocument, PlanItemStatus, PlanTexts, ResponsibilityRole, ResponsibilityService } from '@samverka/plan';
import { DataSource } from 'typeorm';
import { principal } from './principals';

/** One organisation's part in an item, as the builder writes it. */
export interface ResponsibilitySpec {
  departmentId?: string;
  contactCentre?: true;
  role: ResponsibilityRole;
  expectations: string;
  effortHours?: number | null;
}

export interface ItemSpec {
  areaCode: string;
  code: string;
  title: string;
  description?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  status?: PlanItemStatus;
  responsibilities: ResponsibilitySpec[];
}

/**
 * Plans for the responsibility allocation's tests, written straight into the tables (the draft) and
 * frozen by storing the draft's document as the next version — the shape the plan's own freeze
 * stores. Items are found again by their code.
 */
export class GivenPlan {
  private readonly db: DataSource;

  constructor(private readonly app: INestApplicationContext) {
    this.db = app.get(DataSource);
  }

  /** The round's draft with these texts and items (replacing any items it had). */
  async draft(roundId: string, items: ItemSpec[], texts: Partial<PlanTexts> = {}): Promise<void> {
    await this.db.query(
      `insert into plan (round_id, introduction, contact_centre_mandate, department_responsibility) values ($1, $2, $3, $4)
       on conflict (round_id) do update set introduction = excluded.introduction, contact_centre_mandate = excluded.contact_centre_mandate,
         department_responsibility = excluded.department_responsibility`,
      [
        roundId,
        texts.introduction ?? 'Planen beskriver hur kontaktcenter och förvaltningarna utvecklar medborgarservicen.',
        texts.contactCentreMandate ?? 'Kontaktcenter tar emot och besvarar allmänna frågor.',
        texts.departmentResponsibility ?? 'Förvaltningarna ansvarar för sina egna myndighetsprocesser.',
      ],
    );
    await this.db.query('delete from plan_item where round_id = $1', [roundId]);
    let position = 0;
    for (const item of items) {
      const [{ id }]: Array<{ id: string }> = await this.db.query(
        `insert into plan_item (round_id, area_code, code, title, description, starts_on, ends_on, status, position)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [roundId, item.areaCode, item.code, item.title, item.description ?? `Beskrivning av ${item.title}.`, item.startsOn ?? null, item.endsOn ?? null, item.status ?? 'planned', position++],
      );
      await this.responsibilities(id, item.responsibilities);
    }
  }

  /** Replaces one item's responsibilities (found by its code). */
  async setResponsibilities(roundId: string, code: string, responsibilities: ResponsibilitySpec[]): Promise<void> {
    await this.db.query('delete from plan_responsibility where item_id = $1', [await this.itemId(roundId, code)]);
    await this.responsibilities(await this.itemId(roundId, code), responsibilities);
  }

  /** Changes an item's title (found by its code). */
  async retitle(roundId: string, code: string, title: string): Promise<void> {
    await this.db.query('update plan_item set title = $3 where round_id = $1 and code = $2', [roundId, code, title]);
  }

  async itemId(roundId: string, code: string): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query('select id from plan_item where round_id = $1 and code = $2', [roundId, code]);
    if (!rows[0]) throw new Error(`no item ${code}`);
    return rows[0].id;
  }

  /** Freezes the draft as the next version (or the one given), its document stored as the snapshot; the frozen document. */
  async freeze(roundId: string, frozenAt: Date, frozenBy = 'Åsa Öberg', version?: number): Promise<PlanDocument> {
    const draft = await this.app.get(ResponsibilityService).documentFor(principal({ strategist: true }), roundId, 'draft');
    const [{ next }]: Array<{ next: number }> =
      version === undefined ? await this.db.query('select coalesce(max(version), 0) + 1 as next from plan_version where round_id = $1', [roundId]) : [{ next: version }];
    const document: PlanDocument = { ...draft, version: next, frozenAt: frozenAt.toISOString(), frozenBy };
    await this.db.query('insert into plan_version (round_id, version, frozen_at, frozen_by_name, snapshot) values ($1, $2, $3, $4, $5::jsonb)', [roundId, next, frozenAt, frozenBy, JSON.stringify(document)]);
    await this.db.query('update plan set latest_version = greatest(latest_version, $2), draft_changed = false where round_id = $1', [roundId, next]);
    return document;
  }

  private async responsibilities(itemId: string, list: ResponsibilitySpec[]): Promise<void> {
    let position = 0;
    for (const r of list) {
      await this.db.query(
        `insert into plan_responsibility (item_id, department_id, contact_centre, role, expectations, effort_hours, position) values ($1, $2, $3, $4, $5, $6, $7)`,
        [itemId, r.departmentId ?? null, r.contactCentre === true, r.role, r.expectations, r.effortHours ?? null, position++],
      );
    }
  }
}
