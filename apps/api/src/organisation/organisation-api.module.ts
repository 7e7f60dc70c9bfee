import { Module } from '@nestjs/common';
import { OrganisationModule } from '@samverka/organisation';
import { CommitteesController } from './committees.controller';
import { CoordinatorsController } from './coordinators.controller';
import { DepartmentsController } from './departments.controller';
import { PeopleController } from './people.controller';

@Module({
  imports: [OrganisationModule],
  controllers: [CommitteesController, DepartmentsController, PeopleController, CoordinatorsController],
})
export class OrganisationApiModule {}
