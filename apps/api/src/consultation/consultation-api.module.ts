import { Module } from '@nestjs/common';
import { ConsultationModule } from '@samverka/consultation';
import { ConsultationController } from './api/consultation.controller';
import { ConsultationExtensionsController } from './api/consultation-extensions.controller';
import { DecisionsController } from './api/decisions.controller';
import { CompilationController } from './api/compilation.controller';
import { ResponsesController } from './api/responses.controller';

/** The consultation's REST endpoints: preparing and sending, recipients and extensions, responses, the compilation and triage, the decision. */
@Module({
  imports: [ConsultationModule],
  controllers: [ConsultationController, ConsultationExtensionsController, DecisionsController, CompilationController,
    // Responses (yttranden)
    ResponsesController,
  ],
})
export class ConsultationApiModule {}
