import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsultationSendings1796029798951 implements MigrationInterface {
  name = 'ConsultationSendings1796029798951';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"consultation\" ADD \"sending\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"consultation_response\" ADD \"sending\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"consultation_proposal\" ADD \"triage_version\" integer NOT NULL DEFAULT '0'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"consultation_proposal\" DROP COLUMN \"triage_version\"");
    await queryRunner.query("ALTER TABLE \"consultation_response\" DROP COLUMN \"sending\"");
    await queryRunner.query("ALTER TABLE \"consultation\" DROP COLUMN \"sending\"");
  }
}
