import { Check, Column, Entity, Generated, PrimaryColumn } from 'typeorm';

export const REFERENCE_KINDS = ['channel', 'district', 'target_group'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/**
 * Reference data a need is tagged with: service channels (kanaler), city districts (stadsområden)
 * and target groups (målgrupper). An admin adds, renames and retires items; a retired item stays on
 * the needs that carry it but cannot be chosen for new ones.
 */
@Entity('reference_item')
@Check('reference_item_kind_known', `"kind" IN ('channel', 'district', 'target_group')`)
@Check('reference_item_code_format', `"code" ~ '^[a-z][a-z0-9_]{1,39}$'`)
export class ReferenceItemEntity {
  /** A stable id for the audit trail (the item is addressed by kind and code). */
  @Column({ type: 'uuid', unique: true })
  @Generated('uuid')
  id!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: ReferenceKind;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'int' })
  position!: number;
}
