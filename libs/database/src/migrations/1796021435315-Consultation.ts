import { MigrationInterface, QueryRunner } from 'typeorm';

export class Consultation1796021435315 implements MigrationInterface {
  name = 'Consultation1796021435315';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"consultation\" (\"round_id\" uuid NOT NULL, \"plan_version\" integer NOT NULL, \"reply_by\" date NOT NULL, \"cover_letter\" text NOT NULL, \"contact_person_id\" uuid, \"sent_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"consultation_pkey\" PRIMARY KEY (\"round_id\"))");
    await queryRunner.query("CREATE TABLE \"consultation_question\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"area_code\" text, \"text\" text NOT NULL, \"position\" integer NOT NULL, CONSTRAINT \"PK_4f5c5386572537e624c9a51d014\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"consultation_question_round_idx\" ON \"consultation_question\" (\"round_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"consultation_recipient\" (\"round_id\" uuid NOT NULL, \"committee_id\" uuid NOT NULL, \"reply_by\" date NOT NULL, CONSTRAINT \"PK_c178d3a72529c2f5e0160fc01cb\" PRIMARY KEY (\"round_id\", \"committee_id\"))");
    await queryRunner.query("CREATE INDEX \"consultation_recipient_committee_idx\" ON \"consultation_recipient\" (\"committee_id\") ");
    await queryRunner.query("CREATE TABLE \"consultation_extension\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"committee_id\" uuid NOT NULL, \"requested_reply_by\" date NOT NULL, \"reason\" text NOT NULL, \"requested_by_id\" uuid, \"requested_by_name\" text NOT NULL, \"requested_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"status\" text NOT NULL DEFAULT 'requested', \"decided_reply_by\" date, \"decision_reason\" text, \"decided_by_id\" uuid, \"decided_by_name\" text, \"decided_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"consultation_extension_status_known\" CHECK (\"status\" IN ('requested', 'approved', 'declined')), CONSTRAINT \"PK_65a62c6c9ee437480af09ef7777\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"consultation_extension_one_open\" ON \"consultation_extension\" (\"round_id\", \"committee_id\") WHERE \"status\" = 'requested'");
    await queryRunner.query("CREATE TABLE \"consultation_response\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"committee_id\" uuid NOT NULL, \"revision\" integer NOT NULL, \"status\" text NOT NULL DEFAULT 'draft', \"stance\" text, \"summary\" text, \"text\" text, \"adopted_on\" date, \"minute_reference\" text, \"their_reference\" text, \"signatories\" text array NOT NULL DEFAULT '{}', \"area_comments\" jsonb NOT NULL DEFAULT '[]', \"answers\" jsonb NOT NULL DEFAULT '[]', \"received_on_paper\" boolean NOT NULL DEFAULT false, \"created_by_id\" uuid, \"created_by_name\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"submitted_by_id\" uuid, \"submitted_by_name\" text, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"superseded_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"consultation_response_submitted_complete\" CHECK (\"status\" = 'draft' OR (\"stance\" IS NOT NULL AND \"summary\" IS NOT NULL AND \"text\" IS NOT NULL AND \"adopted_on\" IS NOT NULL AND \"minute_reference\" IS NOT NULL AND \"submitted_at\" IS NOT NULL)), CONSTRAINT \"consultation_response_stance_known\" CHECK (\"stance\" IS NULL OR \"stance\" IN ('approve', 'approve_with_remarks', 'reject', 'decline')), CONSTRAINT \"consultation_response_status_known\" CHECK (\"status\" IN ('draft', 'submitted')), CONSTRAINT \"PK_dc8de07a0922b119292d52f758c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"consultation_response_one_draft\" ON \"consultation_response\" (\"round_id\", \"committee_id\") WHERE \"status\" = 'draft'");
    await queryRunner.query("CREATE UNIQUE INDEX \"consultation_response_one_current\" ON \"consultation_response\" (\"round_id\", \"committee_id\") WHERE \"status\" = 'submitted' AND \"superseded_at\" IS NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"consultation_response_revision_unique\" ON \"consultation_response\" (\"round_id\", \"committee_id\", \"revision\") ");
    await queryRunner.query("CREATE TABLE \"consultation_proposal\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"response_id\" uuid NOT NULL, \"round_id\" uuid NOT NULL, \"committee_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"text\" text NOT NULL, \"area_code\" text, \"item_code\" text, \"triage_decision\" text, \"triage_motivation\" text, \"item_codes\" text array NOT NULL DEFAULT '{}', \"triaged_by_id\" uuid, \"triaged_by_name\" text, \"triaged_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"consultation_proposal_triage_motivated\" CHECK (\"triage_decision\" IS NULL OR (\"triage_motivation\" IS NOT NULL AND \"triaged_at\" IS NOT NULL)), CONSTRAINT \"consultation_proposal_triage_known\" CHECK (\"triage_decision\" IS NULL OR \"triage_decision\" IN ('accepted', 'partly_accepted', 'rejected', 'noted')), CONSTRAINT \"PK_ff15c6fc6eba72cc2749e5065a4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"consultation_proposal_response_idx\" ON \"consultation_proposal\" (\"response_id\", \"position\") ");
    await queryRunner.query("CREATE INDEX \"consultation_proposal_round_idx\" ON \"consultation_proposal\" (\"round_id\", \"committee_id\") ");
    await queryRunner.query("CREATE TABLE \"consultation_attachment\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"response_id\" uuid NOT NULL, \"file_name\" text NOT NULL, \"media_type\" text NOT NULL, \"size_bytes\" integer NOT NULL, \"sha256\" text NOT NULL, \"content\" bytea NOT NULL, \"extracted_text\" text, \"uploaded_by_name\" text NOT NULL, \"uploaded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_e35f95d297267db4d165ec571b2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"consultation_attachment_response_idx\" ON \"consultation_attachment\" (\"response_id\") ");
    await queryRunner.query("CREATE TABLE \"plan_decision\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"round_id\" uuid NOT NULL, \"outcome\" text NOT NULL, \"decided_on\" date NOT NULL, \"body\" text NOT NULL, \"minute_reference\" text NOT NULL, \"reason\" text, \"plan_version\" integer, \"recorded_by_name\" text NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"plan_decision_outcome_known\" CHECK (\"outcome\" IN ('adopted', 'returned')), CONSTRAINT \"PK_022656e312940b7e4c8c3bafbf2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"plan_decision_round_idx\" ON \"plan_decision\" (\"round_id\", \"recorded_at\") ");
    await queryRunner.query("ALTER TABLE \"plan\" ADD \"adopted_version\" integer");
    await queryRunner.query("ALTER TABLE \"consultation\" ADD CONSTRAINT \"FK_6e60fe6477606114d035b58a527\" FOREIGN KEY (\"round_id\") REFERENCES \"plan_round\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consultation\" ADD CONSTRAINT \"FK_356f65407b573815aa7bd5c2532\" FOREIGN KEY (\"contact_person_id\") REFERENCES \"person\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consultation_question\" ADD CONSTRAINT \"FK_4ce0efabbf8c61b55a4dac3f0f2\" FOREIGN KEY (\"round_id\") REFERENCES \"consultation\"(\"round_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consultation_recipient\" ADD CONSTRAINT \"FK_2440304a07d0ff0378edbdcfadb\" FOREIGN KEY (\"round_id\") REFERENCES \"consultation\"(\"round_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consultation_recipient\" ADD CONSTRAINT \"FK_1af85ef17eb6081539c4186a60d\" FOREIGN KEY (\"committee_id\") REFERENCES \"committee\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consultation_extension\" ADD CONSTRAINT \"FK_a78cde8865825087eae8588f0c9\" FOREIGN KEY (\"round_id\", \"committee_id\") REFERENCES \"consultation_recipient\"(\"round_id\",\"committee_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consultation_response\" ADD CONSTRAINT \"FK_af33a98094cc8384d18173de87b\" FOREIGN KEY (\"round_id\", \"committee_id\") REFERENCES \"consultation_recipient\"(\"round_id\",\"committee_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consultation_proposal\" ADD CONSTRAINT \"FK_ca993469afe4e86a5efde4ad430\" FOREIGN KEY (\"response_id\") REFERENCES \"consultation_response\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"consultation_attachment\" ADD CONSTRAINT \"FK_8de584229355b100b73bf5f2f81\" FOREIGN KEY (\"response_id\") REFERENCES \"consultation_response\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_decision\" ADD CONSTRAINT \"FK_81f9e06f5fa7abc00d4a848df89\" FOREIGN KEY (\"round_id\") REFERENCES \"plan_round\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"plan_decision\" DROP CONSTRAINT \"FK_81f9e06f5fa7abc00d4a848df89\"");
    await queryRunner.query("ALTER TABLE \"consultation_attachment\" DROP CONSTRAINT \"FK_8de584229355b100b73bf5f2f81\"");
    await queryRunner.query("ALTER TABLE \"consultation_proposal\" DROP CONSTRAINT \"FK_ca993469afe4e86a5efde4ad430\"");
    await queryRunner.query("ALTER TABLE \"consultation_response\" DROP CONSTRAINT \"FK_af33a98094cc8384d18173de87b\"");
    await queryRunner.query("ALTER TABLE \"consultation_extension\" DROP CONSTRAINT \"FK_a78cde8865825087eae8588f0c9\"");
    await queryRunner.query("ALTER TABLE \"consultation_recipient\" DROP CONSTRAINT \"FK_1af85ef17eb6081539c4186a60d\"");
    await queryRunner.query("ALTER TABLE \"consultation_recipient\" DROP CONSTRAINT \"FK_2440304a07d0ff0378edbdcfadb\"");
    await queryRunner.query("ALTER TABLE \"consultation_question\" DROP CONSTRAINT \"FK_4ce0efabbf8c61b55a4dac3f0f2\"");
    await queryRunner.query("ALTER TABLE \"consultation\" DROP CONSTRAINT \"FK_356f65407b573815aa7bd5c2532\"");
    await queryRunner.query("ALTER TABLE \"consultation\" DROP CONSTRAINT \"FK_6e60fe6477606114d035b58a527\"");
    await queryRunner.query("ALTER TABLE \"plan\" DROP COLUMN \"adopted_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"plan_decision_round_idx\"");
    await queryRunner.query("DROP TABLE \"plan_decision\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_attachment_response_idx\"");
    await queryRunner.query("DROP TABLE \"consultation_attachment\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_proposal_round_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_proposal_response_idx\"");
    await queryRunner.query("DROP TABLE \"consultation_proposal\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_response_revision_unique\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_response_one_current\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_response_one_draft\"");
    await queryRunner.query("DROP TABLE \"consultation_response\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_extension_one_open\"");
    await queryRunner.query("DROP TABLE \"consultation_extension\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_recipient_committee_idx\"");
    await queryRunner.query("DROP TABLE \"consultation_recipient\"");
    await queryRunner.query("DROP INDEX \"public\".\"consultation_question_round_idx\"");
    await queryRunner.query("DROP TABLE \"consultation_question\"");
    await queryRunner.query("DROP TABLE \"consultation\"");
  }
}
