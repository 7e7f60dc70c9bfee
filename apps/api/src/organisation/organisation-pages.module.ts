import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverka/identity';
import { OrganisationModule } from '@samverka/organisation';
import { ShellModule } from '../shell/shell.module';
import { DepartmentsPagesController } from './pages/departments-pages.controller';

/** The department list and a department's page, where coordinators are appointed and their assignments ended. */
@Module({
  imports: [ShellModule, OrganisationModule, IdentityModule],
  controllers: [DepartmentsPagesController],
})
export class OrganisationPagesModule {}
