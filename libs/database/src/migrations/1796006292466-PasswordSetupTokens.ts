import { MigrationInterface, QueryRunner } from 'typeorm';

export class PasswordSetupTokens1796006292466 implements MigrationInterface {
  name = 'PasswordSetupTokens1796006292466';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"password_setup_token\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"token_hash\" text NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_9dc61286b6a4fa01f831237297d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"password_setup_token_user_idx\" ON \"password_setup_token\" (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"password_setup_token_hash_key\" ON \"password_setup_token\" (\"token_hash\") ");
    await queryRunner.query("ALTER TABLE \"password_setup_token\" ADD CONSTRAINT \"FK_24a9b75350a52861ff51bd19c37\" FOREIGN KEY (\"user_id\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"password_setup_token\" DROP CONSTRAINT \"FK_24a9b75350a52861ff51bd19c37\"");
    await queryRunner.query("DROP INDEX \"public\".\"password_setup_token_hash_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"password_setup_token_user_idx\"");
    await queryRunner.query("DROP TABLE \"password_setup_token\"");
  }
}
