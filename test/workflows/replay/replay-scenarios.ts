// Scenarios whose histories are committed as replay fixtures (see record-histories.main.ts): every
// workflow type, saved at several points of its life.
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { buildEventDefinition } from '@orientir/activities';
import {
  CYCLE_LAUNCH_WORKFLOW,
  DAILY_DIGEST_WORKFLOW,
  ROADMAP_EVENT_WORKFLOW,
  closeEventUpdate,
  correctEvidenceUpdate,
  recordEvidenceUpdate,
  removeEvidenceUpdate,
  type EvidenceInput,
  SCHOOL_CYCLE_WORKFLOW,
  SCHOOL_YEAR_UPDATES,
  SEARCH_ATTRIBUTE_DEFINITIONS,
  cycleLaunchProgressQuery,
  schoolCycleStateQuery,
  type CycleLaunchActivities,
  type CycleLaunchWorkflowInput,
  type LaunchBatch,
  type OrientirActivities,
  type SchoolYearActionType,
  type SchoolYearRequest,
} from '@orientir/contracts';
import { DEFAULT_ESCALATION_CHAIN, parseIndicator } from '@orientir/domain';
import { evidenceRecord } from '../../support/event-fixtures.util';
import { COORDINATOR, CURATOR_A, CURATOR_B, DAY, TEAM, personOf, schoolSetup } from '../school-year.fixtures';

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

/** While set, the launch's event batches wait for it: a launch is recorded with a batch in flight. */
const launchPause: { until: Promise<void> | null } = { until: null };

/** Two school batches (the second with a failure) and one event batch: what the launch fixtures plan. */
const LAUNCH_BATCHES: LaunchBatch[] = [
  { kind: 'school', afterId: null, toId: 's-2' },
  { kind: 'school', afterId: 's-2', toId: 's-3' },
  { kind: 'event', afterId: null, toId: 'e-2' },
];

/** Activities that succeed at once: the fixtures record what the workflow asked for, not mail or SQL. */
export function recordingActivities(env: TestWorkflowEnvironment): OrientirActivities & CycleLaunchActivities {
  return {
    planCycleLaunch: async () => ({ total: 5, batches: LAUNCH_BATCHES }),
    startLaunchBatch: async ({ batch }) => {
      if (batch.kind === 'event') await launchPause.until;
      return batch.toId === 's-3'
        ? {
            started: 0,
            existing: 0,
            failures: [{ kind: 'school', id: 's-3', name: 'МБОУ «СОШ № 3»', reason: 'Temporal недоступен' }],
          }
        : { started: 2, existing: 0, failures: [] };
    },
    recordLaunchProgress: async () => undefined,
    projectEventProgress: async () => undefined,
    projectSchoolProgress: async () => undefined,
    sendEventReminder: async () => ({ recipients: 1 }),
    sendDailyDigests: async () => ({ people: 0, letters: 0 }) as never,
    enqueueMail: async () => ({ outboxId: 'o-1', status: 'pending' }),
    loadEventDefinition: async ({ eventId, reminderDaysBefore }) => {
      const now = await env.currentTimeMs();
      return buildEventDefinition(
        {
          cycle: { id: 'c-1', timezone: 'Asia/Irkutsk' },
          event: {
            id: eventId,
            title: 'Методический десант',
            opensAt: new Date(now + DAY),
            deadline: new Date(now + 30 * DAY),
            executors: [{ name: 'МКУ «ИМЦРО»', organisationId: '00000000-0000-4000-8000-000000000001' }],
            period: null,
            indicator: parseIndicator('Справка по итогам проверки'),
            reportForm: 'Справка',
            stage: null,
            pastPolicy: 'late',
            schedule: null,
          },
          schools: [],
        },
        reminderDaysBefore,
      );
    },
    storeEvidence: async () => undefined,
    amendEvidence: async () => undefined,
    removeEvidence: async () => undefined,
    measureStageCoverage: async () => [],
    loadSchoolYearSetup: async ({ schoolId }) => schoolSetup(await env.currentTimeMs(), schoolId),
    sendSchoolNotice: async () => ({ recipients: 1 }),
    loadCalendarOverrides: async () => ({}),
    loadNotificationTiming: async () => ({
      timeZone: 'Asia/Irkutsk',
      chain: [...DEFAULT_ESCALATION_CHAIN],
      calendar: {},
    }),
    sendEventEscalation: async () => ({ recipients: 1 }),
  };
}

const act = <T extends SchoolYearActionType>(handle: WorkflowHandle, type: T, request: SchoolYearRequest<T>) =>
  handle.executeUpdate(SCHOOL_YEAR_UPDATES[type] as unknown as typeof SCHOOL_YEAR_UPDATES.withdrawSchool, {
    args: [request as unknown as SchoolYearRequest<'withdrawSchool'>],
  });

/** The school workflow takes actions once it has read its set-up (its query answers from then on). */
async function untilReady(handle: WorkflowHandle): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (
      await handle.query(schoolCycleStateQuery).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the school workflow did not read its set-up');
}

const launchInput = (launchId: string, extra: Partial<CycleLaunchWorkflowInput> = {}): CycleLaunchWorkflowInput => ({
  cycleId: 'c-1',
  launchId,
  parallelBatches: 1,
  startsPerBatch: 10,
  batchSize: 2,
  ...extra,
});

/** One evidence record from the event's executor organisation (the recording definition names it). */
const evidence = (n: number): EvidenceInput =>
  evidenceRecord({
    evidenceId: `00000000-0000-4000-8000-0000000000${String(10 + n)}`,
    executorKey: 'org:00000000-0000-4000-8000-000000000001',
    executorName: 'МКУ «ИМЦРО»',
    organisationId: '00000000-0000-4000-8000-000000000001',
    asCoordinator: false,
    comment: `Справка № ${n}`,
    files: [{ id: `f-${n}`, name: `Справка ${n}.pdf` }],
  });

export const REPLAY_SCENARIOS: ReplayScenario[] = [
  {
    name: 'launch',
    async run({ env, taskQueue, save }) {
      let release!: () => void;
      launchPause.until = new Promise((resolve) => (release = resolve));
      const handle = await env.client.workflow.start(CYCLE_LAUNCH_WORKFLOW, {
        taskQueue,
        workflowId: `cycle/c-1/launch/replay-${Date.now()}`,
        args: [launchInput('l-1')],
      });
      // Both school batches counted (one failure), the event batch in flight.
      for (let i = 0; i < 200; i++) {
        const progress = await handle.query(cycleLaunchProgressQuery);
        if (progress.failed === 1) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await save('batch-in-flight', handle);
      release();
      launchPause.until = null;
      await handle.result();
      await save('completed', handle);
    },
  },
  {
    name: 'launch-continued',
    async run({ env, taskQueue, save }) {
      const handle = await env.client.workflow.start(CYCLE_LAUNCH_WORKFLOW, {
        taskQueue,
        workflowId: `cycle/c-1/launch/replay-can-${Date.now()}`,
        args: [launchInput('l-2', { batchesPerRun: 1 })],
      });
      await handle.result();
      // The last run, after two continue-as-new (getHandle follows the chain).
      await save('completed-after-continue', env.client.workflow.getHandle(handle.workflowId));
    },
  },
  {
    name: 'event',
    async run({ env, taskQueue, save }) {
      const handle = await env.client.workflow.start(ROADMAP_EVENT_WORKFLOW, {
        taskQueue,
        workflowId: `cycle/c-1/event/replay-${Date.now()}`,
        args: [{ cycleId: 'c-1', eventId: 'e-1', opensAt: '', deadline: '', reminderDaysBefore: [7, 1] }],
      });
      await env.sleep(2 * DAY);
      await save('open', handle);
      await env.sleep(24 * DAY);
      await save('reminded', handle);
      await env.sleep(10 * DAY);
      await save('overdue', handle);
      await handle.terminate('fixture recorded');
    },
  },
  {
    // Evidence recorded, corrected and removed, then closed early: every Update of its life.
    name: 'event-tracked',
    async run({ env, taskQueue, save }) {
      const handle = await env.client.workflow.start(ROADMAP_EVENT_WORKFLOW, {
        taskQueue,
        workflowId: `cycle/c-1/event/replay-tracked-${Date.now()}`,
        args: [{ cycleId: 'c-1', eventId: 'e-2', opensAt: '', deadline: '', reminderDaysBefore: [7, 1] }],
      });
      await env.sleep(2 * DAY);
      await handle.executeUpdate(recordEvidenceUpdate, { args: [evidence(1)] });
      await handle.executeUpdate(recordEvidenceUpdate, { args: [evidence(2)] });
      await save('evidence', handle);
      await handle.executeUpdate(correctEvidenceUpdate, {
        args: [{ evidenceId: evidence(1).evidenceId, count: 3, reason: 'Опечатка', by: null }],
      });
      await handle.executeUpdate(removeEvidenceUpdate, {
        args: [{ evidenceId: evidence(2).evidenceId, reason: 'Дубликат', by: null }],
      });
      await save('corrected', handle);
      await handle.executeUpdate(closeEventUpdate, { args: [{ kind: 'close_early', reason: 'Выполнено', by: null }] });
      await handle.result();
      await save('closed', handle);
    },
  },
  {
    // A long life: continue-as-new (marked by patched()) with the state carried into the next run.
    name: 'event-continued',
    async run({ env, taskQueue, save }) {
      const first = await env.client.workflow.start(ROADMAP_EVENT_WORKFLOW, {
        taskQueue,
        workflowId: `cycle/c-1/event/replay-continued-${Date.now()}`,
        args: [
          { cycleId: 'c-1', eventId: 'e-3', opensAt: '', deadline: '', reminderDaysBefore: [7, 1], historyLimit: 30 },
        ],
      });
      const handle = env.client.workflow.getHandle(first.workflowId);
      await env.sleep(2 * DAY);
      for (let n = 1; n <= 6; n++) await handle.executeUpdate(recordEvidenceUpdate, { args: [evidence(n)] });
      await save('before-continue', env.client.workflow.getHandle(first.workflowId, first.firstExecutionRunId));
      await env.sleep(40 * DAY);
      await save('after-continue', handle);
      await handle.terminate('fixture recorded');
    },
  },
  {
    name: 'school',
    async run({ env, taskQueue, save }) {
      const handle = await env.client.workflow.start(SCHOOL_CYCLE_WORKFLOW, {
        taskQueue,
        workflowId: `cycle/c-1/school/replay-${Date.now()}`,
        args: [{ cycleId: 'c-1', schoolId: 's-1' }],
      });
      await untilReady(handle);
      await act(handle, 'setRiskProfile', { actor: COORDINATOR, flaggedDirections: ['teacher_shortage'] });
      await act(handle, 'submitSelfDiagnosis', {
        actor: TEAM,
        answers: [
          { directionId: 'teacher_shortage', confirmed: true, justification: 'Вакансии', measures: 'Наставники' },
        ],
      });
      await save('concept-documents', handle);
      await env.sleep(45 * DAY); // overdue and escalated
      const keys = ['development_concept', 'medium_term_programme', 'anti_risk_programme:teacher_shortage'];
      await act(handle, 'extendDeadline', {
        actor: COORDINATOR,
        dueAt: new Date((await env.currentTimeMs()) + 10 * DAY).toISOString(),
        reason: 'Продление',
      });
      await act(handle, 'submitDocuments', {
        actor: TEAM,
        documents: keys.map((key) => ({ key, fileId: `f-${key}`, fileName: null })),
      });
      await act(handle, 'reviewDocument', { actor: CURATOR_A, key: keys[0], decision: 'return', remarks: 'Сроки' });
      await save('rework', handle);
      await act(handle, 'changeCurator', { actor: COORDINATOR, curator: personOf(CURATOR_B), reason: null });
      await act(handle, 'submitDocuments', {
        actor: TEAM,
        documents: [{ key: keys[0], fileId: 'f-2', fileName: null }],
      });
      await env.sleep(20 * DAY); // the review is late
      for (const key of keys) await act(handle, 'reviewDocument', { actor: CURATOR_B, key, decision: 'approve' });
      await save('monitoring', handle);
      const values = [
        { directionId: 'teacher_shortage', indicator: 'Вакансии', value: '0', evidence: [{ url: 'https://e.ru/x' }] },
      ];
      for (const checkpointId of ['q1', 'q2']) {
        await act(handle, 'submitCheckpoint', { actor: TEAM, checkpointId, values });
        await act(handle, 'reviewCheckpoint', { actor: CURATOR_B, checkpointId, decision: 'confirm' });
      }
      await act(handle, 'submitReport', { actor: TEAM, fileId: 'f-report' });
      await act(handle, 'decideReport', { actor: COORDINATOR, decision: 'accept' });
      await handle.result();
      await save('completed', handle);
    },
  },
  {
    name: 'school-continued',
    async run({ env, taskQueue, save }) {
      const handle = await env.client.workflow.start(SCHOOL_CYCLE_WORKFLOW, {
        taskQueue,
        workflowId: `cycle/c-1/school/replay-can-${Date.now()}`,
        args: [{ cycleId: 'c-1', schoolId: 's-2', historyLimit: 40 }],
      });
      await untilReady(handle);
      const t0 = await env.currentTimeMs();
      for (let i = 1; i <= 6; i++) {
        await act(handle, 'extendDeadline', {
          actor: COORDINATOR,
          dueAt: new Date(t0 + (10 + i) * DAY).toISOString(),
          reason: `Продление ${i}`,
        });
      }
      await act(handle, 'withdrawSchool', { actor: COORDINATOR, reason: 'Реорганизация' });
      await handle.result();
      // The run after continue-as-new (getHandle follows the chain to the last run).
      await save('withdrawn-after-continue', env.client.workflow.getHandle(handle.workflowId));
    },
  },
  {
    name: 'digest',
    async run({ env, taskQueue, save }) {
      const handle = await env.client.workflow.start(DAILY_DIGEST_WORKFLOW, {
        taskQueue,
        workflowId: `digest/replay-${Date.now()}`,
        args: [{ timezone: 'Asia/Irkutsk' }],
      });
      await handle.result();
      await save('done', handle);
    },
  },
];
