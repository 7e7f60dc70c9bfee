import { MigrationInterface, QueryRunner } from 'typeorm';

export class Needs1795355311122 implements MigrationInterface {
  name = 'Needs1795355311122';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"reference_item\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" text NOT NULL, \"code\" text NOT NULL, \"name\" text NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"position\" integer NOT NULL, CONSTRAINT \"UQ_b302014e722aa59b1bd3908b9a4\" UNIQUE (\"id\"), CONSTRAINT \"reference_item_code_format\" CHECK (\"code\" ~ '^[a-z][a-z0-9_]{1,39}$'), CONSTRAINT \"reference_item_kind_known\" CHECK (\"kind\" IN ('channel', 'district', 'target_group')), CONSTRAINT \"PK_b0a3c6f48dc0a5406155957a605\" PRIMARY KEY (\"kind\", \"code\"))");
    await queryRunner.query("CREATE TABLE \"need\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"area_code\" text NOT NULL, \"title\" text NOT NULL, \"description\" text NOT NULL, \"channels\" text array NOT NULL, \"districts\" text array NOT NULL, \"target_groups\" text array NOT NULL, \"evidence\" jsonb, \"monthly_volume\" integer, \"priority\" text NOT NULL, \"consequence\" text, \"created_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"need_has_channel\" CHECK (cardinality(\"channels\") > 0), CONSTRAINT \"need_monthly_volume_positive\" CHECK (\"monthly_volume\" IS NULL OR \"monthly_volume\" >= 0), CONSTRAINT \"need_priority_known\" CHECK (\"priority\" IN ('high', 'medium', 'low')), CONSTRAINT \"PK_218b14514f334ee6f39954f86ba\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"need_round_department_idx\" ON \"need\" (\"round_id\", \"department_id\") ");
    await queryRunner.query("CREATE TABLE \"needs_submission\" (\"round_id\" uuid NOT NULL, \"department_id\" uuid NOT NULL, \"status\" text NOT NULL, \"nothing_to_report_reason\" text, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"submitted_by_id\" uuid, \"late\" boolean NOT NULL DEFAULT false, \"endorsed_at\" TIMESTAMP WITH TIME ZONE, \"endorsed_by_id\" uuid, \"returned_at\" TIMESTAMP WITH TIME ZONE, \"return_comment\" text, \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"needs_submission_nothing_has_reason\" CHECK (\"status\" <> 'nothingToReport' OR length(btrim(coalesce(\"nothing_to_report_reason\", ''))) > 0), CONSTRAINT \"needs_submission_status_known\" CHECK (\"status\" IN ('draft', 'submitted', 'endorsed', 'returned', 'nothingToReport')), CONSTRAINT \"PK_9f9954dbc8b733ed9b9c6030f90\" PRIMARY KEY (\"round_id\", \"department_id\"))");
    await queryRunner.query("ALTER TABLE \"need\" ADD CONSTRAINT \"FK_589abca53eb14543913f7182d2f\" FOREIGN KEY (\"round_id\", \"department_id\") REFERENCES \"plan_round_participant\"(\"round_id\",\"department_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"needs_submission\" ADD CONSTRAINT \"FK_9f9954dbc8b733ed9b9c6030f90\" FOREIGN KEY (\"round_id\", \"department_id\") REFERENCES \"plan_round_participant\"(\"round_id\",\"department_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"needs_submission\" DROP CONSTRAINT \"FK_9f9954dbc8b733ed9b9c6030f90\"");
    await queryRunner.query("ALTER TABLE \"need\" DROP CONSTRAINT \"FK_589abca53eb14543913f7182d2f\"");
    await queryRunner.query("DROP TABLE \"needs_submission\"");
    await queryRunner.query("DROP INDEX \"public\".\"need_round_department_idx\"");
    await queryRunner.query("DROP TABLE \"need\"");
    await queryRunner.query("DROP TABLE \"reference_item\"");
  }
}
