import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A cycle's escalation chain (executor → municipal → regional coordinator after N working days); null: the default. */
export class CycleEscalationChain1795520000000 implements MigrationInterface {
  name = 'CycleEscalationChain1795520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cycles ADD COLUMN escalation_chain jsonb`);
    await q.query(
      `ALTER TABLE cycles ADD CONSTRAINT cycles_escalation_chain_array
         CHECK (escalation_chain IS NULL OR jsonb_typeof(escalation_chain) = 'array')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cycles DROP COLUMN escalation_chain`);
  }
}
