import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from './organisation.module';
import { CoverageAlertService, DepartmentManagers } from './services/coverage-alert.service';

/**
 * The coverage alerts (departments without a primary coordinator, told to their management).
 * Their recipients come from identity, which sits above this library, so the app names them:
 * `CoverageAlertsModule.register({ imports: [IdentityModule], managers: RecipientDirectory })`.
 */
@Module({})
export class CoverageAlertsModule {
  static register(options: { imports: NonNullable<ModuleMetadata['imports']>; managers: Type<DepartmentManagers> }): DynamicModule {
    return {
      module: CoverageAlertsModule,
      imports: [OrganisationModule, NotificationsModule, ...options.imports],
      providers: [CoverageAlertService, { provide: DepartmentManagers, useExisting: options.managers }],
      exports: [CoverageAlertService],
    };
  }
}
