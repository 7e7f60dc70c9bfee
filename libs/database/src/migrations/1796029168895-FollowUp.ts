import { MigrationInterface, QueryRunner } from 'typeorm';

export class FollowUp1796029168895 implements MigrationInterface {
  name = 'FollowUp1796029168895';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"follow_up_period\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"label\" text NOT NULL, \"due_on\" date NOT NULL, \"position\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6cc3b2f70ee10e3a7405ca00710\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"follow_up_period_due_idx\" ON \"follow_up_period\" (\"due_on\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"follow_up_period_label_unique\" ON \"follow_up_period\" (\"round_id\", \"label\") ");
    await queryRunner.query("CREATE TABLE \"follow_up_item\" (\"round_id\" uuid NOT NULL, \"item_id\" uuid NOT NULL, \"code\" text NOT NULL, \"area_code\" text NOT NULL, \"title\" text NOT NULL, \"position\" integer NOT NULL, \"effort_hours\" numeric(10,1), CONSTRAINT \"follow_up_item_pkey\" PRIMARY KEY (\"round_id\", \"item_id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"follow_up_item_code_unique\" ON \"follow_up_item\" (\"round_id\", \"code\") ");
    await queryRunner.query("CREATE TABLE \"follow_up_obligation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"item_id\" uuid NOT NULL, \"department_id\" uuid, \"contact_centre\" boolean NOT NULL DEFAULT false, CONSTRAINT \"follow_up_obligation_one_organisation\" CHECK ((\"department_id\" IS NULL) = \"contact_centre\"), CONSTRAINT \"PK_ef0c45d3f1abd77ace53161edc4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"follow_up_obligation_department_idx\" ON \"follow_up_obligation\" (\"department_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"follow_up_obligation_contact_centre_once\" ON \"follow_up_obligation\" (\"round_id\", \"item_id\") WHERE \"contact_centre\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"follow_up_obligation_department_once\" ON \"follow_up_obligation\" (\"round_id\", \"item_id\", \"department_id\") WHERE \"department_id\" IS NOT NULL");
    await queryRunner.query("CREATE TABLE \"follow_up_report\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"period_id\" uuid NOT NULL, \"item_id\" uuid NOT NULL, \"department_id\" uuid, \"contact_centre\" boolean NOT NULL DEFAULT false, \"revision\" integer NOT NULL, \"status\" text NOT NULL, \"progress\" integer NOT NULL, \"comment\" text NOT NULL, \"cause\" text, \"needed\" text, \"source\" text NOT NULL, \"reported_by_id\" uuid, \"reported_by_name\" text, \"reported_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"follow_up_report_revision_positive\" CHECK (\"revision\" >= 1), CONSTRAINT \"follow_up_report_source_known\" CHECK (\"source\" IN ('api', 'form', 'csv')), CONSTRAINT \"follow_up_report_cause_given\" CHECK (\"status\" NOT IN ('at_risk', 'delayed') OR (\"cause\" IS NOT NULL AND \"needed\" IS NOT NULL)), CONSTRAINT \"follow_up_report_progress_range\" CHECK (\"progress\" BETWEEN 0 AND 100), CONSTRAINT \"follow_up_report_status_known\" CHECK (\"status\" IN ('not_started', 'on_track', 'at_risk', 'delayed', 'done', 'cancelled')), CONSTRAINT \"follow_up_report_one_organisation\" CHECK ((\"department_id\" IS NULL) = \"contact_centre\"), CONSTRAINT \"PK_7240f50b2458f150f9b09e1d645\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"follow_up_report_department_idx\" ON \"follow_up_report\" (\"department_id\") ");
    await queryRunner.query("CREATE INDEX \"follow_up_report_round_idx\" ON \"follow_up_report\" (\"round_id\", \"period_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"follow_up_report_contact_centre_revision\" ON \"follow_up_report\" (\"period_id\", \"item_id\", \"revision\") WHERE \"contact_centre\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"follow_up_report_department_revision\" ON \"follow_up_report\" (\"period_id\", \"item_id\", \"department_id\", \"revision\") WHERE \"department_id\" IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"follow_up_period\" ADD CONSTRAINT \"FK_f2756738807630826ba7e180383\" FOREIGN KEY (\"round_id\") REFERENCES \"plan_round\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"follow_up_item\" ADD CONSTRAINT \"FK_00ca31a98e9943bbba53862af03\" FOREIGN KEY (\"round_id\") REFERENCES \"plan_round\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"follow_up_obligation\" ADD CONSTRAINT \"FK_e87cb2c6d05bb057b6f438e6351\" FOREIGN KEY (\"round_id\", \"item_id\") REFERENCES \"follow_up_item\"(\"round_id\",\"item_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"follow_up_obligation\" ADD CONSTRAINT \"FK_9c02b3d0cbe83e821e99104564e\" FOREIGN KEY (\"department_id\") REFERENCES \"department\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"follow_up_report\" ADD CONSTRAINT \"FK_e36538ffc285b4922239318ef9a\" FOREIGN KEY (\"period_id\") REFERENCES \"follow_up_period\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"follow_up_report\" ADD CONSTRAINT \"FK_00a4542149229979af1ca929316\" FOREIGN KEY (\"round_id\", \"item_id\") REFERENCES \"follow_up_item\"(\"round_id\",\"item_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"follow_up_report\" ADD CONSTRAINT \"FK_081d76ac4f93639090d22c760f6\" FOREIGN KEY (\"department_id\") REFERENCES \"department\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"follow_up_report\" DROP CONSTRAINT \"FK_081d76ac4f93639090d22c760f6\"");
    await queryRunner.query("ALTER TABLE \"follow_up_report\" DROP CONSTRAINT \"FK_00a4542149229979af1ca929316\"");
    await queryRunner.query("ALTER TABLE \"follow_up_report\" DROP CONSTRAINT \"FK_e36538ffc285b4922239318ef9a\"");
    await queryRunner.query("ALTER TABLE \"follow_up_obligation\" DROP CONSTRAINT \"FK_9c02b3d0cbe83e821e99104564e\"");
    await queryRunner.query("ALTER TABLE \"follow_up_obligation\" DROP CONSTRAINT \"FK_e87cb2c6d05bb057b6f438e6351\"");
    await queryRunner.query("ALTER TABLE \"follow_up_item\" DROP CONSTRAINT \"FK_00ca31a98e9943bbba53862af03\"");
    await queryRunner.query("ALTER TABLE \"follow_up_period\" DROP CONSTRAINT \"FK_f2756738807630826ba7e180383\"");
    await queryRunner.query("DROP INDEX \"public\".\"follow_up_report_department_revision\"");
    await queryRunner.query("DROP INDEX \"public\".\"follow_up_report_contact_centre_revision\"");
    await queryRunner.query("DROP INDEX \"public\".\"follow_up_report_round_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"follow_up_report_department_idx\"");
    await queryRunner.query("DROP TABLE \"follow_up_report\"");
    await queryRunner.query("DROP INDEX \"public\".\"follow_up_obligation_department_once\"");
    await queryRunner.query("DROP INDEX \"public\".\"follow_up_obligation_contact_centre_once\"");
    await queryRunner.query("DROP INDEX \"public\".\"follow_up_obligation_department_idx\"");
    await queryRunner.query("DROP TABLE \"follow_up_obligation\"");
    await queryRunner.query("DROP INDEX \"public\".\"follow_up_item_code_unique\"");
    await queryRunner.query("DROP TABLE \"follow_up_item\"");
    await queryRunner.query("DROP INDEX \"public\".\"follow_up_period_label_unique\"");
    await queryRunner.query("DROP INDEX \"public\".\"follow_up_period_due_idx\"");
    await queryRunner.query("DROP TABLE \"follow_up_period\"");
  }
}
