import type { Client } from '@temporalio/client';
import { CYCLE_LAUNCH_WORKFLOW } from '@orientir/contracts';
import { waitFor } from '../../../infra/stack/wait.util';
import type { ProcessStack } from '../../support/process-stack';

export interface CycleCounts {
  /** School and event workflow executions (runs) of the cycle, the launch workflow not counted. */
  workflows: number;
  eventRows: number;
  outboxAll: number;
  outboxSent: number;
  mails: number;
}

/** Executions of the cycle's school and event workflows (a workflow started twice counts twice). */
export async function cycleWorkflowRuns(temporal: Client, cycleId: string, type?: string): Promise<number> {
  const which = type ? `WorkflowType = "${type}"` : `WorkflowType != "${CYCLE_LAUNCH_WORKFLOW}"`;
  return (await temporal.workflow.count(`OrientirCycleId = "${cycleId}" AND ${which}`)).count;
}

/**
 * Waits until visibility (which trails the starts a little) shows at least `expected` runs of the
 * cycle's workflows, then answers how many there are: more than expected means one started twice.
 */
export function visibleCycleRuns(temporal: Client, cycleId: string, expected: number): Promise<number> {
  return waitFor(
    `${expected} executions visible`,
    async () => {
      const n = await cycleWorkflowRuns(temporal, cycleId);
      return n >= expected ? n : false;
    },
    120_000,
    250,
  );
}

/** One cycle's footprint: executions in Temporal, rows in PostgreSQL, messages at the SMTP server. */
export async function cycleCounts(
  stack: ProcessStack,
  temporal: Client,
  cycleId: string,
  title: string,
): Promise<CycleCounts> {
  const key = `cycle/${cycleId}/%`;
  return {
    workflows: await cycleWorkflowRuns(temporal, cycleId),
    eventRows: await stack.count('SELECT count(*) AS n FROM event_progress WHERE cycle_id = $1', [cycleId]),
    outboxAll: await stack.count('SELECT count(*) AS n FROM mail_outbox WHERE idempotency_key LIKE $1', [key]),
    outboxSent: await stack.count(
      `SELECT count(*) AS n FROM mail_outbox WHERE status = 'sent' AND idempotency_key LIKE $1`,
      [key],
    ),
    mails: (await stack.mail.list()).filter((m) => m.text.includes(title)).length,
  };
}

/** How many messages each recipient got for this cycle title. */
export async function mailsPerRecipient(stack: ProcessStack, title: string): Promise<Map<string, number>> {
  const byRecipient = new Map<string, number>();
  for (const mail of await stack.mail.list()) {
    if (!mail.text.includes(title)) continue;
    for (const to of mail.to) byRecipient.set(to.address, (byRecipient.get(to.address) ?? 0) + 1);
  }
  return byRecipient;
}

export function report(label: string, what: string, counts: object): void {
  process.stdout.write(`[fault] ${label}: ${what} ${JSON.stringify(counts)}\n`);
}
