import type { MigrationInterface, QueryRunner } from 'typeorm';
import { nameKey, normaliseMunicipality } from '@orientir/domain';

/**
 * The audit log's municipality gets a comparison key (one rule, computed in TypeScript: PostgreSQL's
 * lower() depends on the cluster's locale), and roadmaps get an owning municipality (null: regional).
 */
export class ScopeKeys1795375000000 implements MigrationInterface {
  name = 'ScopeKeys1795375000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN municipality_key text`);
    const rows = (await q.query(`SELECT DISTINCT municipality FROM audit_log WHERE municipality IS NOT NULL`)) as {
      municipality: string;
    }[];
    if (rows.length) {
      // The append-only trigger stays in force for everyone else; only this backfill passes.
      await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`);
      for (const { municipality } of rows) {
        const tidy = normaliseMunicipality(municipality);
        await q.query(`UPDATE audit_log SET municipality_key = $2 WHERE municipality = $1`, [
          municipality,
          tidy && nameKey(tidy),
        ]);
      }
      await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`);
    }
    await q.query(`CREATE INDEX audit_log_municipality_key_idx ON audit_log (municipality_key, at DESC)`);
    await q.query(`ALTER TABLE roadmaps ADD COLUMN municipality text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE roadmaps DROP COLUMN IF EXISTS municipality`);
    await q.query(`DROP INDEX IF EXISTS audit_log_municipality_key_idx`);
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN IF EXISTS municipality_key`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`);
  }
}
