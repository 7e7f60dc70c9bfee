import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first reference data for tagging needs. Admins change it afterwards through the API
 * (`/api/v1/reference/...`); this migration only inserts what is missing, so it never overwrites
 * their changes. Districts: Malmö's five stadsområden, plus the whole city.
 */
const ITEMS: Array<[kind: string, code: string, name: string]> = [
  ['channel', 'telephone', 'Telefon'],
  ['channel', 'email', 'E-post'],
  ['channel', 'web', 'Webb och e-tjänster'],
  ['channel', 'contact_centre_visit', 'Besök hos kontaktcenter'],
  ['channel', 'library', 'Bibliotek'],
  ['channel', 'other_reception', 'Annan förvaltnings reception'],
  ['channel', 'outreach', 'Uppsökande verksamhet'],
  ['channel', 'social_media', 'Sociala medier'],
  ['channel', 'letter', 'Brev'],
  ['district', 'innerstaden', 'Innerstaden'],
  ['district', 'norr', 'Norr'],
  ['district', 'oster', 'Öster'],
  ['district', 'soder', 'Söder'],
  ['district', 'vaster', 'Väster'],
  ['district', 'hela_staden', 'Hela staden'],
  ['target_group', 'guardians', 'Vårdnadshavare'],
  ['target_group', 'income_support', 'Personer med försörjningsstöd'],
  ['target_group', 'disabilities', 'Personer med funktionsnedsättning'],
  ['target_group', 'older_people', 'Äldre'],
  ['target_group', 'businesses', 'Företag'],
  ['target_group', 'newcomers', 'Nyanlända'],
  ['target_group', 'young_people', 'Unga'],
  ['target_group', 'associations', 'Föreningar'],
  ['target_group', 'everyone', 'Alla invånare'],
];

export class ReferenceData1795355400000 implements MigrationInterface {
  name = 'ReferenceData1795355400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const position = new Map<string, number>();
    for (const [kind, code, name] of ITEMS) {
      const next = (position.get(kind) ?? 0) + 1;
      position.set(kind, next);
      await queryRunner.query(
        `insert into reference_item (kind, code, name, active, position) values ($1, $2, $3, true, $4) on conflict (kind, code) do nothing`,
        [kind, code, name, next],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [kind, code] of ITEMS) await queryRunner.query(`delete from reference_item where kind = $1 and code = $2`, [kind, code]);
  }
}
