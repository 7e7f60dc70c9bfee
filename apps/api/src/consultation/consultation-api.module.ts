import { Module } from '@nestjs/common';
import { ConsultationModule } from '@samverka/consultation';
import { ResponsesController } from './api/responses.controller';

/** The consultation's REST endpoints: preparing and sending, recipients and extensions, responses, the compilation and triage, the decision. */
@Module({
  imports: [ConsultationModule],
  controllers: [
    // Responses (yttranden)
    ResponsesController,
  ],
})
export class ConsultationApiModule {}
