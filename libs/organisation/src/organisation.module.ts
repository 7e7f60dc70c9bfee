import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@samverka/audit';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationAccessPolicy } from './access/organisation-access.policy';
import { AppointmentFacts } from './facts/appointment-facts';
import { DemoCitySeeder } from './demo/demo-city.seeder';
import { CommitteeEntity, CoordinatorAssignmentEntity, DepartmentEntity, PersonEntity } from './entities/index';
import { CommitteeRepository } from './repositories/committee.repository';
import { CoordinatorAssignmentRepository } from './repositories/coordinator-assignment.repository';
import { DepartmentRepository } from './repositories/department.repository';
import { PersonRepository } from './repositories/person.repository';
import { CoordinatorService } from './services/coordinator.service';
import { OrganisationRegistryService } from './services/organisation-registry.service';
import { PeopleService } from './services/people.service';
import { OrganisationTaskRepository } from './repositories/organisation-task.repository';
import { ORGANISATION_TASK_PROVIDERS } from './tasks/organisation-task.providers';

@Module({
  imports: [TypeOrmModule.forFeature([CommitteeEntity, DepartmentEntity, PersonEntity, CoordinatorAssignmentEntity]), AuditModule, NotificationsModule, DiscoveryModule],
  providers: [
    CommitteeRepository,
    DepartmentRepository,
    PersonRepository,
    CoordinatorAssignmentRepository,
    OrganisationRegistryService,
    PeopleService,
    CoordinatorService,
    DemoCitySeeder,
    OrganisationAccessPolicy,
    OrganisationTaskRepository,
    ...ORGANISATION_TASK_PROVIDERS,
    AppointmentFacts,
  ],
  exports: [OrganisationAccessPolicy, OrganisationRegistryService, PeopleService, CoordinatorService, DemoCitySeeder],
})
export class OrganisationModule {}
