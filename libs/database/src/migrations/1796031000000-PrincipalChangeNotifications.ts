import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every process caches signed-in callers' principals (session, roles, coordinated departments).
 * Whatever changes one of those inputs, through the app or by hand in SQL, notifies the channel
 * `principal_changed` at commit, and every listening process drops its cache. Touching a session's
 * `last_seen_at` or a user's last sign-in notifies nothing.
 */
export class PrincipalChangeNotifications1796031000000 implements MigrationInterface {
  name = 'PrincipalChangeNotifications1796031000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create function notify_principal_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('principal_changed', tg_table_name);
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger auth_session_principal_changed after update of revoked_at, expires_at, user_id, kind on auth_session
      for each row when (old.revoked_at is distinct from new.revoked_at or old.expires_at is distinct from new.expires_at
        or old.user_id is distinct from new.user_id or old.kind is distinct from new.kind)
      execute function notify_principal_changed()`);
    await queryRunner.query(`
      create trigger app_user_principal_changed after update of disabled_at, person_id on app_user
      for each row when (old.disabled_at is distinct from new.disabled_at or old.person_id is distinct from new.person_id)
      execute function notify_principal_changed()`);
    await queryRunner.query(`
      create trigger person_principal_changed after update of name, email on person
      for each row when (old.name is distinct from new.name or old.email is distinct from new.email)
      execute function notify_principal_changed()`);
    for (const table of ['role_grant', 'coordinator_assignment']) {
      await queryRunner.query(`create trigger ${table}_principal_changed after insert or update or delete on ${table}
        for each statement execute function notify_principal_changed()`);
    }
    for (const table of ['auth_session', 'app_user', 'person', 'role_grant', 'coordinator_assignment']) {
      await queryRunner.query(`create trigger ${table}_principal_removed after truncate on ${table}
        for each statement execute function notify_principal_changed()`);
    }
    await queryRunner.query(`create trigger auth_session_principal_deleted after delete on auth_session
      for each statement execute function notify_principal_changed()`);
    await queryRunner.query(`create trigger app_user_principal_deleted after delete on app_user
      for each statement execute function notify_principal_changed()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['auth_session', 'app_user', 'person', 'role_grant', 'coordinator_assignment']) {
      await queryRunner.query(`drop trigger if exists ${table}_principal_changed on ${table}`);
      await queryRunner.query(`drop trigger if exists ${table}_principal_removed on ${table}`);
    }
    await queryRunner.query(`drop trigger if exists auth_session_principal_deleted on auth_session`);
    await queryRunner.query(`drop trigger if exists app_user_principal_deleted on app_user`);
    await queryRunner.query(`drop function notify_principal_changed()`);
  }
}
