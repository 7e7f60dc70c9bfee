import { Module } from '@nestjs/common';
import { ConsultationModule } from '@samverka/consultation';

/** The consultation's REST endpoints: preparing and sending, recipients and extensions, responses, the compilation and triage, the decision. */
@Module({
  imports: [ConsultationModule],
  controllers: [],
})
export class ConsultationApiModule {}
