import { MigrationInterface, QueryRunner } from 'typeorm';

export class RoundReminders1796005849613 implements MigrationInterface {
  name = 'RoundReminders1796005849613';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plan_round_event\" ADD \"department_id\" uuid");
    await queryRunner.query("ALTER TABLE \"plan_round_event\" ADD \"reminded_on\" date");
    await queryRunner.query("CREATE UNIQUE INDEX \"plan_round_event_reminder_once_a_day\" ON \"plan_round_event\" (\"round_id\", \"department_id\", \"reminded_on\") WHERE \"type\" = 'REMINDER_SENT'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"plan_round_event_reminder_once_a_day\"");
    await queryRunner.query("ALTER TABLE \"plan_round_event\" DROP COLUMN \"reminded_on\"");
    await queryRunner.query("ALTER TABLE \"plan_round_event\" DROP COLUMN \"department_id\"");
  }
}
