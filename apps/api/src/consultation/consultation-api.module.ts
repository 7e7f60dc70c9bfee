import { Module } from '@nestjs/common';
import { ConsultationModule } from '@samverka/consultation';
import { ResponsesController } from './api/responses.controller';
import { CompilationController } from './api/compilation.controller';

/** The consultation's REST endpoints: preparing and sending, recipients and extensions, responses, the compilation and triage, the decision. */
@Module({
  imports: [ConsultationModule],
  controllers: [
    // Responses (yttranden)
    ResponsesController,
    // The compilation and triage
    CompilationController,
  ],
})
export class ConsultationApiModule {}
