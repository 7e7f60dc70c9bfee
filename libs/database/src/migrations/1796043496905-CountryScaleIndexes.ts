import { MigrationInterface, QueryRunner } from 'typeorm';

export class CountryScaleIndexes1796043496905 implements MigrationInterface {
  name = 'CountryScaleIndexes1796043496905';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"coordinator_assignment_unacknowledged_idx\" ON \"coordinator_assignment\" (\"person_id\") WHERE \"acknowledged_at\" IS NULL");
    await queryRunner.query("CREATE INDEX \"follow_up_obligation_round_department_idx\" ON \"follow_up_obligation\" (\"round_id\", \"department_id\") ");
    await queryRunner.query("CREATE INDEX \"follow_up_report_item_period_idx\" ON \"follow_up_report\" (\"item_id\", \"period_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"follow_up_report_item_period_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"follow_up_obligation_round_department_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"coordinator_assignment_unacknowledged_idx\"");
  }
}
