export * from './user.entity';
export * from './role-grant.entity';
export * from './auth-session.entity';
export * from './sign-in-attempt.entity';
export * from './oidc-login.entity';
export * from './notification-preference.entity';
export * from './password-setup-token.entity';
