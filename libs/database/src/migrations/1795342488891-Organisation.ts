import { MigrationInterface, QueryRunner } from 'typeorm';

export class Organisation1795342488891 implements MigrationInterface {
  name = 'Organisation1795342488891';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // citext: codes and e-mail addresses unique case-insensitively; btree_gist: the no-overlap exclusion constraints.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS citext');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query("CREATE TABLE \"committee\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"code\" citext NOT NULL, \"name\" text NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_5191ade2d587412e6d4a53f1b05\" UNIQUE (\"code\"), CONSTRAINT \"PK_29569bbabae77e56711f2310563\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"department\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"code\" citext NOT NULL, \"name\" text NOT NULL, \"committee_id\" uuid NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_62690f4fe31da9eb824d909285f\" UNIQUE (\"code\"), CONSTRAINT \"PK_9a2213262c1593bffb581e382f5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"department_committee_idx\" ON \"department\" (\"committee_id\") ");
    await queryRunner.query("CREATE TABLE \"person\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" text NOT NULL, \"email\" citext NOT NULL, \"title\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_d2d717efd90709ebd3cb26b936c\" UNIQUE (\"email\"), CONSTRAINT \"PK_5fdaf670315c4b7e70cce85daa3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"coordinator_kind\" AS ENUM('primary', 'deputy')");
    await queryRunner.query("CREATE TABLE \"coordinator_assignment\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"department_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"kind\" \"public\".\"coordinator_kind\" NOT NULL, \"mandate\" text NOT NULL, \"responsibilities\" text array NOT NULL, \"valid_from\" date NOT NULL, \"valid_to\" date, \"appointed_by_id\" uuid, \"acknowledged_at\" TIMESTAMP WITH TIME ZONE, \"end_reason\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"coordinator_assignment_valid_period\" CHECK (\"valid_to\" IS NULL OR \"valid_to\" >= \"valid_from\"), CONSTRAINT \"coordinator_assignment_no_double\" EXCLUDE USING gist (\"department_id\" WITH =, \"person_id\" WITH =, daterange(\"valid_from\", \"valid_to\", '[]') WITH &&), CONSTRAINT \"coordinator_assignment_one_primary\" EXCLUDE USING gist (\"department_id\" WITH =, daterange(\"valid_from\", \"valid_to\", '[]') WITH &&) WHERE (\"kind\" = 'primary'), CONSTRAINT \"PK_c2180639be624d77aebea40ea63\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"coordinator_assignment_department_idx\" ON \"coordinator_assignment\" (\"department_id\") ");
    await queryRunner.query("CREATE INDEX \"coordinator_assignment_person_idx\" ON \"coordinator_assignment\" (\"person_id\") ");
    await queryRunner.query("CREATE TABLE \"audit_event\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"actor_id\" uuid, \"actor_label\" text NOT NULL, \"action\" text NOT NULL, \"subject_type\" text NOT NULL, \"subject_id\" uuid NOT NULL, \"before\" jsonb, \"after\" jsonb, CONSTRAINT \"PK_481efbe8b0a403efe3f47a6528f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"audit_event_subject_idx\" ON \"audit_event\" (\"subject_type\", \"subject_id\", \"occurred_at\") ");
    // The audit trail is append-only: the database refuses to change or remove a row.
    await queryRunner.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`);
    await queryRunner.query('CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()');
    await queryRunner.query("ALTER TABLE \"department\" ADD CONSTRAINT \"FK_72cedca29c1c13be6fc95539806\" FOREIGN KEY (\"committee_id\") REFERENCES \"committee\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"coordinator_assignment\" ADD CONSTRAINT \"FK_fbc3ffa0dacb30e68e2eea13449\" FOREIGN KEY (\"department_id\") REFERENCES \"department\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"coordinator_assignment\" ADD CONSTRAINT \"FK_e5c062339546f12a809af9839ac\" FOREIGN KEY (\"person_id\") REFERENCES \"person\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"coordinator_assignment\" ADD CONSTRAINT \"FK_a31e5ea5130ff1825b0e22d77a8\" FOREIGN KEY (\"appointed_by_id\") REFERENCES \"person\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"coordinator_assignment\" DROP CONSTRAINT \"FK_a31e5ea5130ff1825b0e22d77a8\"");
    await queryRunner.query("ALTER TABLE \"coordinator_assignment\" DROP CONSTRAINT \"FK_e5c062339546f12a809af9839ac\"");
    await queryRunner.query("ALTER TABLE \"coordinator_assignment\" DROP CONSTRAINT \"FK_fbc3ffa0dacb30e68e2eea13449\"");
    await queryRunner.query("ALTER TABLE \"department\" DROP CONSTRAINT \"FK_72cedca29c1c13be6fc95539806\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_event_subject_idx\"");
    await queryRunner.query('DROP TRIGGER audit_event_append_only ON "audit_event"');
    await queryRunner.query('DROP FUNCTION audit_event_append_only()');
    await queryRunner.query("DROP TABLE \"audit_event\"");
    await queryRunner.query("DROP INDEX \"public\".\"coordinator_assignment_person_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"coordinator_assignment_department_idx\"");
    await queryRunner.query("DROP TABLE \"coordinator_assignment\"");
    await queryRunner.query("DROP TYPE \"public\".\"coordinator_kind\"");
    await queryRunner.query("DROP TABLE \"person\"");
    await queryRunner.query("DROP INDEX \"public\".\"department_committee_idx\"");
    await queryRunner.query("DROP TABLE \"department\"");
    await queryRunner.query("DROP TABLE \"committee\"");
  }
}
