// Scenarios whose histories are committed as replay fixtures (see record-histories.main.ts).
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_DEFINITIONS } from '@orientir/contracts';

export interface ReplayRecorder {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  save(point: string, handle: WorkflowHandle): Promise<void>;
}

export interface ReplayScenario {
  name: string;
  run(recorder: ReplayRecorder): Promise<void>;
}

/** The workflows upsert Orientir's search attributes; the test server must know them. */
export async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(Object.keys(SEARCH_ATTRIBUTE_DEFINITIONS).map((name) => [name, 2])), // 2 = KEYWORD
  });
}

const DAY = 24 * 60 * 60 * 1000;

/** Activities that succeed at once: the fixtures record what the workflow asked for, not mail or SQL. */
export function recordingActivities(): Record<string, (...args: unknown[]) => Promise<unknown>> {
  return {
    projectEventProgress: async () => undefined,
    projectSchoolProgress: async () => undefined,
    sendEventReminder: async () => ({ recipients: 1 }),
  };
}

export const REPLAY_SCENARIOS: ReplayScenario[] = [
  {
    name: 'event',
    async run({ env, taskQueue, save }) {
      const start = await env.currentTimeMs();
      const handle = await env.client.workflow.start('roadmapEventWorkflow', {
        taskQueue,
        workflowId: `cycle/c1/event/replay-${Date.now()}`,
        args: [
          {
            cycleId: 'c1',
            eventId: 'e1',
            opensAt: new Date(start + DAY).toISOString(),
            deadline: new Date(start + 30 * DAY).toISOString(),
            reminderDaysBefore: [7, 1],
          },
        ],
      });
      await env.sleep(2 * DAY);
      await save('open', handle);
      await env.sleep(24 * DAY);
      await save('reminded', handle);
      await handle.result();
      await save('overdue', handle);
    },
  },
  {
    // Recorded once from the first school workflow (five clicks, before issue 11); not re-recordable.
    name: 'school-legacy',
    async run({ env, taskQueue, save }) {
      const handle = await env.client.workflow.start('schoolCycleWorkflow', {
        taskQueue,
        workflowId: `cycle/c1/school/legacy-${Date.now()}`,
        args: [{ cycleId: 'c1', schoolId: 's1' }],
      });
      const act = (stage: string, decision: string, remarks?: string) =>
        handle.executeUpdate('completeStage', { args: [{ stage, decision, remarks }] });
      await act('self_diagnosis', 'advance');
      await act('concept_documents', 'advance');
      await save('expertise', handle);
      await act('expertise', 'return', 'Нет антирисковой программы');
      await act('concept_documents', 'advance');
      await save('rework', handle);
      await act('expertise', 'advance');
      await act('monitoring', 'advance');
      await act('report', 'advance');
      await handle.result();
      await save('completed', handle);
    },
  },
];
