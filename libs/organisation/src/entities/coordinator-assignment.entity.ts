import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DepartmentEntity } from './department.entity';
import { PersonEntity } from './person.entity';

export const COORDINATOR_KINDS = ['primary', 'deputy'] as const;
export type CoordinatorKind = (typeof COORDINATOR_KINDS)[number];

/** The three parts of the mandate in the development plan (Utvecklingsplan för kontaktcenter 2025 och framåt). */
export const DEFAULT_RESPONSIBILITIES: readonly string[] = [
  'Lyssna in de strategiska behoven inom medborgarservice i förvaltningen.',
  'Föra fram förvaltningens behov i samarbetsprocessen.',
  'Förankra och få inriktning för arbetet med medborgarservice i förvaltningsledningen.',
];

export const ONE_PRIMARY_CONSTRAINT = 'coordinator_assignment_one_primary';
export const NO_DOUBLE_ASSIGNMENT_CONSTRAINT = 'coordinator_assignment_no_double';

/**
 * Samordnare för medborgarservice (primary) or ersättare (deputy) for a
 * department over a validity period [validFrom, validTo] (inclusive; open
 * ended when validTo is null). The database itself guarantees at most one
 * primary per department on any day, and no person twice in one department.
 */
@Entity('coordinator_assignment')
// A person's assignments still to acknowledge (their task): small whatever the history, and cheaper than the
// exclusion constraint's GiST index, which the planner otherwise searches by person_id (a non-leading column) across every assignment.
@Index('coordinator_assignment_unacknowledged_idx', ['personId'], { where: '"acknowledged_at" IS NULL' })
@Exclusion(ONE_PRIMARY_CONSTRAINT, `USING gist ("department_id" WITH =, daterange("valid_from", "valid_to", '[]') WITH &&) WHERE ("kind" = 'primary')`)
@Exclusion(NO_DOUBLE_ASSIGNMENT_CONSTRAINT, `USING gist ("department_id" WITH =, "person_id" WITH =, daterange("valid_from", "valid_to", '[]') WITH &&)`)
@Check('coordinator_assignment_valid_period', `"valid_to" IS NULL OR "valid_to" >= "valid_from"`)
export class CoordinatorAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('coordinator_assignment_department_idx')
  @Column({ type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity;

  @Index('coordinator_assignment_person_idx')
  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  @Column({ type: 'enum', enum: COORDINATOR_KINDS, enumName: 'coordinator_kind' })
  kind!: CoordinatorKind;

  @Column({ type: 'text' })
  mandate!: string;

  @Column({ type: 'text', array: true })
  responsibilities!: string[];

  /** YYYY-MM-DD, a date in Europe/Stockholm. */
  @Column({ type: 'date' })
  validFrom!: string;

  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'uuid', nullable: true })
  appointedById!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'appointed_by_id' })
  appointedBy?: PersonEntity | null;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  /** Set when the assignment was ended early (by `end` or by a new primary taking over). */
  @Column({ type: 'text', nullable: true })
  endReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
