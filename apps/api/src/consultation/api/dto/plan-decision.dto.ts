import { ApiProperty } from '@nestjs/swagger';
import { DECISION_OUTCOMES } from '@samverka/rounds';

/** A decision on the round's plan (RECORD_DECISION), as `GET /rounds/{id}/decisions` answers it. */
export class PlanDecisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DECISION_OUTCOMES }) outcome!: 'adopted' | 'returned';
  @ApiProperty({ example: 'Antagen' }) outcomeLabel!: string;
  @ApiProperty({ format: 'date', example: '2025-05-07' }) decidedOn!: string;
  @ApiProperty({ example: 'Kommunstyrelsen' }) body!: string;
  @ApiProperty({ example: '§ 123' }) minuteReference!: string;
  @ApiProperty({ type: String, nullable: true, description: 'why it was returned; null when adopted' }) reason!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the frozen plan version decided on (the one the remiss sent, or else the latest frozen one)' })
  planVersion!: number | null;
  @ApiProperty({ example: 'Åsa Öberg' }) recordedBy!: string;
  @ApiProperty() recordedAt!: Date;
}
