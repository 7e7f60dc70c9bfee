import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditActorAddress1795347360926 implements MigrationInterface {
  name = 'AuditActorAddress1795347360926';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"audit_event\" ADD \"actor_ip\" text");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"audit_event\" DROP COLUMN \"actor_ip\"");
  }
}
