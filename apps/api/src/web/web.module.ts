import { Module } from '@nestjs/common';
import { OrganisationModule } from '@samverka/organisation';

@Module({
  imports: [OrganisationModule],
  controllers: [],
})
export class WebModule {}
