import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@samverka/audit';
import { NotificationsModule } from '@samverka/notifications';
import { OrganisationModule } from '@samverka/organisation';
import { DemoUsersSeeder } from './demo/demo-users.seeder';
import { AuthSessionEntity, NotificationPreferenceEntity, PasswordSetupTokenEntity, OidcLoginEntity, RoleGrantEntity, SignInAttemptEntity, UserEntity } from './entities/index';
import { AuthSessionRepository } from './repositories/auth-session.repository';
import { OidcLoginRepository } from './repositories/oidc-login.repository';
import { RoleGrantRepository } from './repositories/role-grant.repository';
import { SignInAttemptRepository } from './repositories/sign-in-attempt.repository';
import { UserRepository } from './repositories/user.repository';
import { PasswordSetupTokenRepository } from './repositories/password-setup-token.repository';
import { PasswordSetupService } from './services/password-setup.service';
import { OidcService } from './services/oidc.service';
import { PasswordHasher } from './services/password-hasher';
import { PrincipalCache } from './services/principal-cache';
import { PrincipalService } from './services/principal.service';
import { SessionService } from './services/session.service';
import { SignInService } from './services/sign-in.service';
import { UserAdminService } from './services/user-admin.service';
import { NotificationPreferenceService } from './services/notification-preference.service';
import { RecipientDirectory } from './services/recipient-directory.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, RoleGrantEntity, AuthSessionEntity, SignInAttemptEntity, OidcLoginEntity, NotificationPreferenceEntity, PasswordSetupTokenEntity]),
    AuditModule,
    OrganisationModule,
    NotificationsModule,
  ],
  providers: [
    UserRepository,
    RoleGrantRepository,
    AuthSessionRepository,
    SignInAttemptRepository,
    PasswordHasher,
    SessionService,
    PrincipalCache,
    PrincipalService,
    SignInService,
    UserAdminService,
    DemoUsersSeeder,
    OidcLoginRepository,
    OidcService,
    NotificationPreferenceService,
    RecipientDirectory,
    PasswordSetupTokenRepository,
    PasswordSetupService,
  ],
  exports: [PrincipalCache, PasswordSetupService, RecipientDirectory, NotificationPreferenceService, SessionService, PrincipalService, SignInService, UserAdminService, PasswordHasher, DemoUsersSeeder, OidcService],
})
export class IdentityModule {}
