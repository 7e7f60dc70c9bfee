import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795345059478 implements MigrationInterface {
  name = 'Identity1795345059478';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"app_user\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"person_id\" uuid NOT NULL, \"password_hash\" text, \"disabled_at\" TIMESTAMP WITH TIME ZONE, \"last_sign_in_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_3a194b12d01edcd333659ab50a6\" UNIQUE (\"person_id\"), CONSTRAINT \"REL_3a194b12d01edcd333659ab50a\" UNIQUE (\"person_id\"), CONSTRAINT \"PK_22a5c4a3d9b2fb8e4e73fc4ada1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"granted_role\" AS ENUM('admin', 'strategist', 'management', 'committee_secretary')");
    await queryRunner.query("CREATE TABLE \"role_grant\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"role\" \"public\".\"granted_role\" NOT NULL, \"department_id\" uuid, \"committee_id\" uuid, \"granted_by_id\" uuid, \"granted_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"role_grant_scope\" CHECK ((\"role\" = 'management' AND \"department_id\" IS NOT NULL AND \"committee_id\" IS NULL)\n   OR (\"role\" = 'committee_secretary' AND \"committee_id\" IS NOT NULL AND \"department_id\" IS NULL)\n   OR (\"role\" IN ('admin', 'strategist') AND \"department_id\" IS NULL AND \"committee_id\" IS NULL)), CONSTRAINT \"PK_b9e50aafa723c536731c38529fb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"role_grant_user_idx\" ON \"role_grant\" (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"role_grant_committee_unique\" ON \"role_grant\" (\"user_id\", \"role\", \"committee_id\") WHERE \"revoked_at\" IS NULL AND \"committee_id\" IS NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"role_grant_department_unique\" ON \"role_grant\" (\"user_id\", \"role\", \"department_id\") WHERE \"revoked_at\" IS NULL AND \"department_id\" IS NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"role_grant_city_unique\" ON \"role_grant\" (\"user_id\", \"role\") WHERE \"revoked_at\" IS NULL AND \"department_id\" IS NULL AND \"committee_id\" IS NULL");
    await queryRunner.query("CREATE TYPE \"public\".\"session_kind\" AS ENUM('web', 'api')");
    await queryRunner.query("CREATE TABLE \"auth_session\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"kind\" \"public\".\"session_kind\" NOT NULL, \"token_hash\" text NOT NULL, \"csrf_token\" text NOT NULL, \"method\" text NOT NULL, \"ip\" text, \"user_agent\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_seen_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_dcf5c3ee6b3682ac4e724dc9496\" UNIQUE (\"token_hash\"), CONSTRAINT \"PK_19354ed146424a728c1112a8cbf\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"auth_session_user_idx\" ON \"auth_session\" (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"sign_in_attempt\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" citext NOT NULL, \"ip\" text NOT NULL, \"succeeded\" boolean NOT NULL, \"attempted_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_7708f8d7d88593210f3d359f81d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"sign_in_attempt_ip_idx\" ON \"sign_in_attempt\" (\"ip\", \"attempted_at\") ");
    await queryRunner.query("CREATE INDEX \"sign_in_attempt_email_idx\" ON \"sign_in_attempt\" (\"email\", \"attempted_at\") ");
    await queryRunner.query("CREATE TABLE \"oidc_login\" (\"state\" text NOT NULL, \"code_verifier\" text NOT NULL, \"nonce\" text NOT NULL, \"return_to\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_470343f1a89538c10b5bfea5e11\" PRIMARY KEY (\"state\"))");
    await queryRunner.query("ALTER TABLE \"app_user\" ADD CONSTRAINT \"FK_3a194b12d01edcd333659ab50a6\" FOREIGN KEY (\"person_id\") REFERENCES \"person\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"role_grant\" ADD CONSTRAINT \"FK_cbca8b01eca20fa033ef14946b2\" FOREIGN KEY (\"user_id\") REFERENCES \"app_user\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"role_grant\" ADD CONSTRAINT \"FK_cb73550e363da7ba6f6a382492e\" FOREIGN KEY (\"department_id\") REFERENCES \"department\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"role_grant\" ADD CONSTRAINT \"FK_eebe872e6a697a28999e361c524\" FOREIGN KEY (\"committee_id\") REFERENCES \"committee\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"auth_session\" ADD CONSTRAINT \"FK_b8783d517fab10672700a39cb49\" FOREIGN KEY (\"user_id\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"auth_session\" DROP CONSTRAINT \"FK_b8783d517fab10672700a39cb49\"");
    await queryRunner.query("ALTER TABLE \"role_grant\" DROP CONSTRAINT \"FK_eebe872e6a697a28999e361c524\"");
    await queryRunner.query("ALTER TABLE \"role_grant\" DROP CONSTRAINT \"FK_cb73550e363da7ba6f6a382492e\"");
    await queryRunner.query("ALTER TABLE \"role_grant\" DROP CONSTRAINT \"FK_cbca8b01eca20fa033ef14946b2\"");
    await queryRunner.query("ALTER TABLE \"app_user\" DROP CONSTRAINT \"FK_3a194b12d01edcd333659ab50a6\"");
    await queryRunner.query("DROP TABLE \"oidc_login\"");
    await queryRunner.query("DROP INDEX \"public\".\"sign_in_attempt_email_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"sign_in_attempt_ip_idx\"");
    await queryRunner.query("DROP TABLE \"sign_in_attempt\"");
    await queryRunner.query("DROP INDEX \"public\".\"auth_session_user_idx\"");
    await queryRunner.query("DROP TABLE \"auth_session\"");
    await queryRunner.query("DROP TYPE \"public\".\"session_kind\"");
    await queryRunner.query("DROP INDEX \"public\".\"role_grant_city_unique\"");
    await queryRunner.query("DROP INDEX \"public\".\"role_grant_department_unique\"");
    await queryRunner.query("DROP INDEX \"public\".\"role_grant_committee_unique\"");
    await queryRunner.query("DROP INDEX \"public\".\"role_grant_user_idx\"");
    await queryRunner.query("DROP TABLE \"role_grant\"");
    await queryRunner.query("DROP TYPE \"public\".\"granted_role\"");
    await queryRunner.query("DROP TABLE \"app_user\"");
  }
}
