import { Module } from '@nestjs/common';
import { ConsultationModule } from '@samverka/consultation';
import { ConsultationController } from './api/consultation.controller';

/** The consultation's REST endpoints: preparing and sending, recipients and extensions, responses, the compilation and triage, the decision. */
@Module({
  imports: [ConsultationModule],
  controllers: [ConsultationController],
})
export class ConsultationApiModule {}
