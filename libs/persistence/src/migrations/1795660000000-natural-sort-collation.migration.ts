import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists of schools sort the way people read them: «СОШ № 2» before «СОШ № 10». ICU's numeric
 * collation does that; a server built without ICU gets the database default under the same name,
 * so queries never depend on how PostgreSQL was built.
 */
export class NaturalSortCollation1795660000000 implements MigrationInterface {
  name = 'NaturalSortCollation1795660000000';

  async up(q: QueryRunner): Promise<void> {
    const icu = (await q.query(`SELECT 1 FROM pg_collation WHERE collprovider = 'i' LIMIT 1`)) as unknown[];
    await q.query(
      icu.length
        ? `CREATE COLLATION IF NOT EXISTS orientir_natural (provider = icu, locale = 'und-u-kn-true')`
        : `CREATE COLLATION IF NOT EXISTS orientir_natural FROM "default"`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP COLLATION IF EXISTS orientir_natural`);
  }
}
