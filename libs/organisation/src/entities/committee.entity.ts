import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Nämnd: a political board that a department serves; Kommunstyrelsen (KS) decides the plan. */
@Entity('committee')
export class CommitteeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Short code, unique case-insensitively, e.g. "FSKN". */
  @Column({ type: 'citext', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
