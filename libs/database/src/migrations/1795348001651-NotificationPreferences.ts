import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationPreferences1795348001651 implements MigrationInterface {
  name = 'NotificationPreferences1795348001651';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"digest_frequency\" AS ENUM('weekly', 'biweekly', 'monthly', 'off')");
    await queryRunner.query("CREATE TABLE \"notification_preference\" (\"user_id\" uuid NOT NULL, \"digest_frequency\" \"public\".\"digest_frequency\" NOT NULL DEFAULT 'weekly', \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_ff040d2d2e35c49b00525783829\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("ALTER TABLE \"notification_preference\" ADD CONSTRAINT \"FK_ff040d2d2e35c49b00525783829\" FOREIGN KEY (\"user_id\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"notification_preference\" DROP CONSTRAINT \"FK_ff040d2d2e35c49b00525783829\"");
    await queryRunner.query("DROP TABLE \"notification_preference\"");
    await queryRunner.query("DROP TYPE \"public\".\"digest_frequency\"");
  }
}
