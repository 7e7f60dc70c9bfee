import { MigrationInterface, QueryRunner } from 'typeorm';

export class Digests1796029900253 implements MigrationInterface {
  name = 'Digests1796029900253';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"digest_delivery\" (\"user_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"window_start\" TIMESTAMP WITH TIME ZONE NOT NULL, \"window_end\" TIMESTAMP WITH TIME ZONE NOT NULL, \"sent\" boolean NOT NULL, \"owed_count\" integer NOT NULL, \"overdue_count\" integer NOT NULL, \"change_count\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"digest_delivery_pkey\" PRIMARY KEY (\"user_id\", \"kind\", \"window_start\"))");
    await queryRunner.query("CREATE INDEX \"digest_delivery_user_end_idx\" ON \"digest_delivery\" (\"user_id\", \"window_end\") ");
    await queryRunner.query("ALTER TABLE \"notification_preference\" ALTER COLUMN \"digest_frequency\" SET DEFAULT 'biweekly'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"notification_preference\" ALTER COLUMN \"digest_frequency\" SET DEFAULT 'weekly'");
    await queryRunner.query("DROP INDEX \"public\".\"digest_delivery_user_end_idx\"");
    await queryRunner.query("DROP TABLE \"digest_delivery\"");
  }
}
