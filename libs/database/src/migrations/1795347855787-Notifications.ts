import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795347855787 implements MigrationInterface {
  name = 'Notifications1795347855787';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"notification_status\" AS ENUM('pending', 'sending', 'sent', 'failed')");
    await queryRunner.query("CREATE TABLE \"notification\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" text NOT NULL, \"dedup_key\" text NOT NULL, \"recipient_email\" citext NOT NULL, \"recipient_name\" text NOT NULL, \"recipient_person_id\" uuid, \"data\" jsonb NOT NULL, \"status\" \"public\".\"notification_status\" NOT NULL DEFAULT 'pending', \"attempts\" integer NOT NULL DEFAULT '0', \"next_attempt_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"locked_by\" text, \"locked_until\" TIMESTAMP WITH TIME ZONE, \"last_error\" text, \"sent_at\" TIMESTAMP WITH TIME ZONE, \"message_id\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_67ae21f119b1ce4326b472e2011\" UNIQUE (\"dedup_key\"), CONSTRAINT \"PK_705b6c7cdf9b2c2ff7ac7872cb7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"notification_kind_idx\" ON \"notification\" (\"kind\") ");
    await queryRunner.query("CREATE INDEX \"notification_due_idx\" ON \"notification\" (\"status\", \"next_attempt_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"notification_due_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"notification_kind_idx\"");
    await queryRunner.query("DROP TABLE \"notification\"");
    await queryRunner.query("DROP TYPE \"public\".\"notification_status\"");
  }
}
