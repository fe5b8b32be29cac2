import type { Client } from '@temporalio/client';
import type { ProcessStack } from '../../support/process-stack';

export interface CycleCounts {
  workflows: number;
  eventRows: number;
  outboxAll: number;
  outboxSent: number;
  mails: number;
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
    workflows: (await temporal.workflow.count(`OrientirCycleId = "${cycleId}"`)).count,
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
