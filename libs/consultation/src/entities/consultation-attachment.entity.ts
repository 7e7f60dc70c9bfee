import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AttachmentMediaType } from '../consultation.model';
import { ConsultationResponseEntity } from './consultation-response.entity';

/** The signed response document (PDF or DOCX, checked by content, at most 20 MB), stored in PostgreSQL. */
@Entity('consultation_attachment')
@Index('consultation_attachment_response_idx', ['responseId'])
export class ConsultationAttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  responseId!: string;

  @Column({ type: 'text' })
  fileName!: string;

  @Column({ type: 'text' })
  mediaType!: AttachmentMediaType;

  @Column({ type: 'int' })
  sizeBytes!: number;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  /** The text found in the document (to prefill the full text), if any. */
  @Column({ type: 'text', nullable: true })
  extractedText!: string | null;

  @Column({ type: 'text' })
  uploadedByName!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  uploadedAt!: Date;

  @ManyToOne(() => ConsultationResponseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: ConsultationResponseEntity;
}
