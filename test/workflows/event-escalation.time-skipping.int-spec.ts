import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  createEventActivities,
  createNotificationTimingActivity,
  type CalendarPort,
  type EventDefinitionInput,
} from '@orientir/activities';
import {
  ROADMAP_EVENT_WORKFLOW,
  eventWorkflowId,
  recordEvidenceUpdate,
  type EventEscalationInput,
  type EventProgressSnapshot,
  type EventReminderInput,
  type EvidenceInput,
  type OrientirActivities,
} from '@orientir/contracts';
import { parseIndicator, type EscalationStep } from '@orientir/domain';
import { prebuiltWorkflowBundle } from '@orientir/workflow-bundle';
import { testEnv } from '../setup/test-infrastructure';

const TZ = 'Asia/Irkutsk';
const CYCLE = 'c-escalation';
const local = (isoLocal: string) => Date.parse(`${isoLocal}+08:00`);
const DEADLINE = local('2028-01-10T23:59:59.999'); // the first working day after the New Year holidays
/** The region's own holiday on 30 December and a working Saturday on 15 January (loaded by a coordinator). */
const OVERRIDES = { extraDaysOff: ['2027-12-30'], extraWorkingDays: ['2028-01-15'] };

/**
 * Reminders, the overdue notice and the escalation chain of one event workflow over the New Year
 * holidays in Asia/Irkutsk, on the Java time-skipping server. The definition and the timing come from
 * the real activity code over in-memory ports (the installation's calendar, the cycle's chain); the
 * mail activities only record what the workflow asked for.
 */
describe('overdue notice and escalation along the cycle chain (time-skipping, Asia/Irkutsk)', () => {
  let env: TestWorkflowEnvironment;
  let chain: EscalationStep[] | null = null;
  const reminders: EventReminderInput[] = [];
  const escalations: EventEscalationInput[] = [];
  const projections: EventProgressSnapshot[] = [];
  const calendar: CalendarPort = { overrides: async () => OVERRIDES };
  const source = (id: string): EventDefinitionInput => ({
    cycle: { id: CYCLE, timezone: TZ },
    event: {
      id,
      title: 'Справка о проведении методического десанта',
      opensAt: new Date(local('2027-12-01T00:00:00')),
      deadline: new Date(DEADLINE),
      executors: [{ name: 'МКУ «ИМЦРО»', organisationId: '00000000-0000-4000-8000-000000000001' }],
      period: null,
      indicator: parseIndicator('Справка по итогам проверки'),
      reportForm: 'Справка',
      stage: null,
      pastPolicy: 'late',
      schedule: null,
    },
    schools: [],
  });

  const activities = (): OrientirActivities => ({
    ...createEventActivities({
      events: {
        definitionSource: async (_cycleId, eventId) => source(eventId),
        insertEvidence: async () => ({ missingFileIds: [] }),
        amendEvidence: async () => undefined,
        markEvidenceRemoved: async () => undefined,
        schoolsAtStages: async () => [],
      },
      calendar,
    }),
    ...createNotificationTimingActivity({
      cycles: { cycle: async (id) => ({ id, timezone: TZ, escalationChain: chain }) },
      calendar,
    }),
    async projectEventProgress(s) {
      projections.push(s);
    },
    async sendEventReminder(input) {
      reminders.push(input);
      return { recipients: 1 };
    },
    async sendEventEscalation(input) {
      escalations.push(input);
      return { recipients: 1 };
    },
    async projectSchoolProgress() {},
    async loadSchoolYearSetup() {
      throw new Error('no school workflow in this test');
    },
    async sendSchoolNotice() {
      return { recipients: 0 };
    },
    async sendDailyDigests() {
      throw new Error('not used by event workflows');
    },
    async enqueueMail() {
      throw new Error('not used by event workflows');
    },
    async loadCalendarOverrides() {
      return OVERRIDES;
    },
  });

  async function sleepUntil(instant: number): Promise<void> {
    const now = await env.currentTimeMs();
    if (instant > now) await env.sleep(instant - now);
  }

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testEnv('testServerPath') } },
    });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('reminds on the region calendar, then tells the executor and each level once, on working days at 09:00', async () => {
    const taskQueue = `event-escalation-${Date.now()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities: activities(),
      ...(await prebuiltWorkflowBundle()),
    });
    await worker.runUntil(async () => {
      const start = (eventId: string) =>
        env.client.workflow.start(ROADMAP_EVENT_WORKFLOW, {
          taskQueue,
          workflowId: eventWorkflowId(CYCLE, eventId),
          args: [{ cycleId: CYCLE, eventId, opensAt: '', deadline: '', reminderDaysBefore: [7, 1] }],
        });
      const missed = await start('e-missed');
      const done = await start('e-done');

      // 7 and 1 working days before 10 January: the region's holiday on 30 December moves both a day
      // earlier than the shipped calendar would (22 and 30 December), at 09:00 Irkutsk time.
      await sleepUntil(local('2028-01-03T12:00:00'));
      // Workflow time when the activity ran: the timer's instant plus a few milliseconds.
      const minute = (iso: string) => iso.slice(0, 16);
      const remindedAt = (eventId: string) =>
        reminders.filter((r) => r.eventId === eventId).map((r) => minute(r.sentAt));
      expect(remindedAt('e-missed')).toEqual(['2027-12-21T01:00', '2027-12-29T01:00']);
      expect(remindedAt('e-done')).toEqual(remindedAt('e-missed'));

      // A coordinator edits the running cycle's chain: the workflows read it at their next planning step.
      chain = [
        { level: 'executor', afterWorkingDays: 1 },
        { level: 'municipal_coordinator', afterWorkingDays: 2 },
        { level: 'regional_coordinator', afterWorkingDays: 5 },
      ];
      const evidence: EvidenceInput = {
        evidenceId: randomUUID(),
        executorKey: 'org:00000000-0000-4000-8000-000000000001',
        executorName: 'МКУ «ИМЦРО»',
        organisationId: '00000000-0000-4000-8000-000000000001',
        asCoordinator: false,
        recordedBy: null,
        recordedByName: null,
        occurrenceIndex: null,
        heldOn: null,
        heldOnStart: null,
        heldOnEnd: null,
        count: 1,
        link: null,
        schoolIds: [],
        comment: 'Справка приложена',
        files: [{ id: 'file-1', name: 'справка.pdf' }],
        lateReason: null,
      };
      await done.executeUpdate(recordEvidenceUpdate, { args: [evidence] });

      // The deadline passes unmet: nothing before the next working day's 09:00.
      await sleepUntil(local('2028-01-11T08:59:00'));
      expect(escalations).toEqual([]);
      expect(projections.filter((p) => p.eventId === 'e-missed').at(-1)?.status).toBe('overdue');

      // Executor on 11 January, municipal coordinators 2 working days after the deadline, regional ones
      // 5 working days after it — on Saturday 15 January, a working day by the region's calendar.
      await sleepUntil(local('2028-01-20T12:00:00'));
      expect(escalations.map((e) => [e.eventId, e.level, minute(e.sentAt), e.occurrenceIndex])).toEqual([
        ['e-missed', 'executor', '2028-01-11T01:00', 0],
        ['e-missed', 'municipal_coordinator', '2028-01-12T01:00', 0],
        ['e-missed', 'regional_coordinator', '2028-01-15T01:00', 0],
      ]);
      expect(escalations.every((e) => e.deadline === new Date(DEADLINE).toISOString())).toBe(true);
      expect(projections.filter((p) => p.eventId === 'e-done').at(-1)?.status).toBe('met');

      // Nothing more goes out while the late-evidence window runs out, and the workflow ends.
      await sleepUntil(DEADLINE + 31 * 24 * 60 * 60 * 1000);
      await expect(missed.result()).resolves.toMatchObject({ status: 'not_met' });
      expect(escalations).toHaveLength(3);

      // The history replays against the same code (the chain and calendar come from recorded answers).
      const history = await missed.fetchHistory();
      await expect(
        Worker.runReplayHistory({ ...(await prebuiltWorkflowBundle()) }, history, 'replay-e-missed'),
      ).resolves.toBeUndefined();
    });
  }, 300_000);
});
