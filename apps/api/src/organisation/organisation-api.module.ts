import { Module } from '@nestjs/common';
import { OrganisationModule } from '@samverka/organisation';
import { CommitteesController } from './api/committees.controller';
import { CoordinatorsController } from './api/coordinators.controller';
import { DepartmentsController } from './api/departments.controller';
import { PeopleController } from './api/people.controller';

@Module({
  imports: [OrganisationModule],
  controllers: [CommitteesController, DepartmentsController, PeopleController, CoordinatorsController],
})
export class OrganisationApiModule {}
