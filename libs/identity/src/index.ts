// Entities are exported as types only: other code reads them through this library's services, never its tables.
export type { AuthSessionEntity, DigestFrequency, GrantedRole, NotificationPreferenceEntity, OidcLoginEntity, PasswordSetupTokenEntity, Role, RoleGrantEntity, SessionKind, SignInAttemptEntity, UserEntity } from './entities/index';
export { DEFAULT_DIGEST_FREQUENCY, DIGEST_FREQUENCIES, GRANTED_ROLES, ROLES, SESSION_KINDS } from './entities/index';
export * from './identity.exception';
export * from './identity.module';
export * from './principal';
export * from './services/password-hasher';
export * from './services/session.service';
export * from './services/principal.service';
export * from './services/principal-cache';
export * from './services/sign-in.service';
export * from './services/oidc.service';
export * from './services/user-admin.service';
export * from './demo/demo-users.seeder';
export * from './services/notification-preference.service';
export * from './services/recipient-directory.service';
export * from './rules/user.rules';
export * from './services/password-setup.service';
export * from './identity.vocabulary';
