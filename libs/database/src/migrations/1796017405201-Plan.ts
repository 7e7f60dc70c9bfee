import { MigrationInterface, QueryRunner } from 'typeorm';

export class Plan1796017405201 implements MigrationInterface {
  name = 'Plan1796017405201';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"plan\" (\"round_id\" uuid NOT NULL, \"introduction\" text NOT NULL DEFAULT '', \"contact_centre_mandate\" text NOT NULL DEFAULT '', \"department_responsibility\" text NOT NULL DEFAULT '', \"latest_version\" integer NOT NULL DEFAULT '0', \"draft_changed\" boolean NOT NULL DEFAULT true, \"started_from_round_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"plan_pkey\" PRIMARY KEY (\"round_id\"))");
    await queryRunner.query("CREATE TABLE \"plan_area_text\" (\"round_id\" uuid NOT NULL, \"area_code\" text NOT NULL, \"introduction\" text NOT NULL DEFAULT '', CONSTRAINT \"PK_9b5ef1c0ccfff3a6046b67d7a02\" PRIMARY KEY (\"round_id\", \"area_code\"))");
    await queryRunner.query("CREATE TABLE \"plan_item\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"area_code\" text NOT NULL, \"code\" text NOT NULL, \"title\" text NOT NULL, \"description\" text NOT NULL, \"expected_effect\" text, \"indicator\" text, \"starts_on\" text, \"ends_on\" text, \"status\" text NOT NULL DEFAULT 'planned', \"position\" integer NOT NULL, \"carried_over_from_round_id\" uuid, \"carried_over_from_code\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"plan_item_status_known\" CHECK (\"status\" IN ('planned', 'ongoing', 'completed', 'cancelled')), CONSTRAINT \"PK_fbd65c4526b9af914f7ab1e9a3c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"plan_item_round_area_idx\" ON \"plan_item\" (\"round_id\", \"area_code\", \"position\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"plan_item_code_unique\" ON \"plan_item\" (\"round_id\", \"code\") ");
    await queryRunner.query("CREATE TABLE \"plan_item_need\" (\"item_id\" uuid NOT NULL, \"need_id\" uuid NOT NULL, CONSTRAINT \"PK_a0d9174f6834341c66c91123591\" PRIMARY KEY (\"item_id\", \"need_id\"))");
    await queryRunner.query("CREATE INDEX \"plan_item_need_need_idx\" ON \"plan_item_need\" (\"need_id\") ");
    await queryRunner.query("CREATE TABLE \"plan_responsibility\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"item_id\" uuid NOT NULL, \"department_id\" uuid, \"contact_centre\" boolean NOT NULL DEFAULT false, \"role\" text NOT NULL, \"expectations\" text NOT NULL, \"effort_hours\" numeric(8,1), \"position\" integer NOT NULL, CONSTRAINT \"plan_responsibility_effort_not_negative\" CHECK (\"effort_hours\" IS NULL OR \"effort_hours\" >= 0), CONSTRAINT \"plan_responsibility_one_organisation\" CHECK ((\"department_id\" IS NULL) = \"contact_centre\"), CONSTRAINT \"plan_responsibility_role_known\" CHECK (\"role\" IN ('responsible', 'accountable', 'consulted', 'informed')), CONSTRAINT \"PK_68705cda64019ffbfb59cef7e81\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"plan_responsibility_department_idx\" ON \"plan_responsibility\" (\"department_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"plan_responsibility_contact_centre_once\" ON \"plan_responsibility\" (\"item_id\") WHERE \"contact_centre\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"plan_responsibility_department_once\" ON \"plan_responsibility\" (\"item_id\", \"department_id\") WHERE \"department_id\" IS NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"plan_responsibility_one_accountable\" ON \"plan_responsibility\" (\"item_id\") WHERE \"role\" = 'accountable'");
    await queryRunner.query("CREATE TABLE \"plan_version\" (\"round_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"frozen_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"frozen_by_id\" uuid, \"frozen_by_name\" text, \"snapshot\" jsonb NOT NULL, CONSTRAINT \"PK_b6295856276222300c753b83c21\" PRIMARY KEY (\"round_id\", \"version\"))");
    await queryRunner.query("CREATE TABLE \"plan_need_deferral\" (\"need_id\" uuid NOT NULL, \"round_id\" uuid NOT NULL, \"reason\" text NOT NULL, \"deferred_by_id\" uuid, \"deferred_by_name\" text, \"deferred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_cba8172cb566b4d0a5457be6a94\" PRIMARY KEY (\"need_id\"))");
    await queryRunner.query("CREATE INDEX \"plan_need_deferral_round_idx\" ON \"plan_need_deferral\" (\"round_id\") ");
    await queryRunner.query("CREATE TABLE \"plan_item_question\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"item_id\" uuid, \"item_code\" text NOT NULL, \"item_title\" text NOT NULL, \"version\" integer, \"department_id\" uuid NOT NULL, \"question\" text NOT NULL, \"asked_by_id\" uuid, \"asked_by_name\" text NOT NULL, \"asked_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"answer\" text, \"answered_by_id\" uuid, \"answered_by_name\" text, \"answered_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_6fb7f1bf2d331a76ab312ba0786\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"plan_item_question_unanswered_idx\" ON \"plan_item_question\" (\"round_id\") WHERE \"answered_at\" IS NULL");
    await queryRunner.query("CREATE INDEX \"plan_item_question_round_department_idx\" ON \"plan_item_question\" (\"round_id\", \"department_id\") ");
    await queryRunner.query("CREATE TABLE \"plan_summary_read\" (\"round_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"department_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"read_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_3176122171053d30e17fe453856\" PRIMARY KEY (\"round_id\", \"version\", \"department_id\", \"user_id\"))");
    await queryRunner.query("ALTER TABLE \"plan\" ADD CONSTRAINT \"FK_56ba18ef20bec21492913969f0a\" FOREIGN KEY (\"round_id\") REFERENCES \"plan_round\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_area_text\" ADD CONSTRAINT \"FK_9b5ef1c0ccfff3a6046b67d7a02\" FOREIGN KEY (\"round_id\", \"area_code\") REFERENCES \"plan_round_area\"(\"round_id\",\"code\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_item\" ADD CONSTRAINT \"FK_9392cf622589e37348c8e1ea982\" FOREIGN KEY (\"round_id\") REFERENCES \"plan\"(\"round_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_item\" ADD CONSTRAINT \"FK_6ca8468ba3c324104a36c62417a\" FOREIGN KEY (\"round_id\", \"area_code\") REFERENCES \"plan_round_area\"(\"round_id\",\"code\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_item_need\" ADD CONSTRAINT \"FK_006ed31cf50940a889992b24b8d\" FOREIGN KEY (\"item_id\") REFERENCES \"plan_item\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_item_need\" ADD CONSTRAINT \"FK_bd010a822a6064ee8dd15cc6647\" FOREIGN KEY (\"need_id\") REFERENCES \"need\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_responsibility\" ADD CONSTRAINT \"FK_f3b2cafd0a6956fa18dc1e365c0\" FOREIGN KEY (\"item_id\") REFERENCES \"plan_item\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_responsibility\" ADD CONSTRAINT \"FK_bf203f24ad69a12889c90e108f6\" FOREIGN KEY (\"department_id\") REFERENCES \"department\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_version\" ADD CONSTRAINT \"FK_463a1155bb09050392b707e7727\" FOREIGN KEY (\"round_id\") REFERENCES \"plan\"(\"round_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_need_deferral\" ADD CONSTRAINT \"FK_86362a3c40832bd3bfd12297faa\" FOREIGN KEY (\"round_id\") REFERENCES \"plan\"(\"round_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_need_deferral\" ADD CONSTRAINT \"FK_cba8172cb566b4d0a5457be6a94\" FOREIGN KEY (\"need_id\") REFERENCES \"need\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_item_question\" ADD CONSTRAINT \"FK_02be285f0775d85e3c7ab137a9a\" FOREIGN KEY (\"round_id\") REFERENCES \"plan\"(\"round_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_item_question\" ADD CONSTRAINT \"FK_2b0d1cb637be4f4a5338a536352\" FOREIGN KEY (\"item_id\") REFERENCES \"plan_item\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_item_question\" ADD CONSTRAINT \"FK_07cb3e95c3cb3a5d4ad2f58d324\" FOREIGN KEY (\"department_id\") REFERENCES \"department\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_summary_read\" ADD CONSTRAINT \"FK_9dd5d90612347c6fbd6024034f3\" FOREIGN KEY (\"round_id\", \"version\") REFERENCES \"plan_version\"(\"round_id\",\"version\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // A frozen version is immutable: the database refuses any change to its row.
    await queryRunner.query("CREATE FUNCTION \"plan_version_immutable\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'plan version % of round % is frozen and cannot change', OLD.version, OLD.round_id USING ERRCODE = 'integrity_constraint_violation'; END $$");
    await queryRunner.query("CREATE TRIGGER \"plan_version_immutable\" BEFORE UPDATE ON \"plan_version\" FOR EACH ROW EXECUTE FUNCTION \"plan_version_immutable\"()");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TRIGGER \"plan_version_immutable\" ON \"plan_version\"");
    await queryRunner.query("DROP FUNCTION \"plan_version_immutable\"()");
    await queryRunner.query("ALTER TABLE \"plan_summary_read\" DROP CONSTRAINT \"FK_9dd5d90612347c6fbd6024034f3\"");
    await queryRunner.query("ALTER TABLE \"plan_item_question\" DROP CONSTRAINT \"FK_07cb3e95c3cb3a5d4ad2f58d324\"");
    await queryRunner.query("ALTER TABLE \"plan_item_question\" DROP CONSTRAINT \"FK_2b0d1cb637be4f4a5338a536352\"");
    await queryRunner.query("ALTER TABLE \"plan_item_question\" DROP CONSTRAINT \"FK_02be285f0775d85e3c7ab137a9a\"");
    await queryRunner.query("ALTER TABLE \"plan_need_deferral\" DROP CONSTRAINT \"FK_cba8172cb566b4d0a5457be6a94\"");
    await queryRunner.query("ALTER TABLE \"plan_need_deferral\" DROP CONSTRAINT \"FK_86362a3c40832bd3bfd12297faa\"");
    await queryRunner.query("ALTER TABLE \"plan_version\" DROP CONSTRAINT \"FK_463a1155bb09050392b707e7727\"");
    await queryRunner.query("ALTER TABLE \"plan_responsibility\" DROP CONSTRAINT \"FK_bf203f24ad69a12889c90e108f6\"");
    await queryRunner.query("ALTER TABLE \"plan_responsibility\" DROP CONSTRAINT \"FK_f3b2cafd0a6956fa18dc1e365c0\"");
    await queryRunner.query("ALTER TABLE \"plan_item_need\" DROP CONSTRAINT \"FK_bd010a822a6064ee8dd15cc6647\"");
    await queryRunner.query("ALTER TABLE \"plan_item_need\" DROP CONSTRAINT \"FK_006ed31cf50940a889992b24b8d\"");
    await queryRunner.query("ALTER TABLE \"plan_item\" DROP CONSTRAINT \"FK_6ca8468ba3c324104a36c62417a\"");
    await queryRunner.query("ALTER TABLE \"plan_item\" DROP CONSTRAINT \"FK_9392cf622589e37348c8e1ea982\"");
    await queryRunner.query("ALTER TABLE \"plan_area_text\" DROP CONSTRAINT \"FK_9b5ef1c0ccfff3a6046b67d7a02\"");
    await queryRunner.query("ALTER TABLE \"plan\" DROP CONSTRAINT \"FK_56ba18ef20bec21492913969f0a\"");
    await queryRunner.query("DROP TABLE \"plan_summary_read\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_item_question_round_department_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_item_question_unanswered_idx\"");
    await queryRunner.query("DROP TABLE \"plan_item_question\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_need_deferral_round_idx\"");
    await queryRunner.query("DROP TABLE \"plan_need_deferral\"");
    await queryRunner.query("DROP TABLE \"plan_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_responsibility_one_accountable\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_responsibility_department_once\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_responsibility_contact_centre_once\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_responsibility_department_idx\"");
    await queryRunner.query("DROP TABLE \"plan_responsibility\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_item_need_need_idx\"");
    await queryRunner.query("DROP TABLE \"plan_item_need\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_item_code_unique\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_item_round_area_idx\"");
    await queryRunner.query("DROP TABLE \"plan_item\"");
    await queryRunner.query("DROP TABLE \"plan_area_text\"");
    await queryRunner.query("DROP TABLE \"plan\"");
  }
}
