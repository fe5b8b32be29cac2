import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { buildEventDefinition, stagesDoneAfter, type EventDefinitionInput } from '@orientir/activities';
import {
  ROADMAP_EVENT_WORKFLOW,
  SEARCH_ATTRIBUTE_DEFINITIONS,
  SCHOOL_CYCLE_WORKFLOW,
  submitSelfDiagnosisUpdate,
  eventWorkflowId,
  recordEvidenceUpdate,
  roadmapEventStateQuery,
  scheduleEventUpdate,
  schoolWorkflowId,
  type EventProgressSnapshot,
  type EventReminderInput,
  type EvidenceInput,
  type OrientirActivities,
} from '@orientir/contracts';
import {
  DEFAULT_ESCALATION_CHAIN,
  parsePeriod,
  startOfLocalDay,
  endOfLocalDay,
  type RoadmapEvent,
  type SchoolCategory,
} from '@orientir/domain';
import { parseRoadmap } from '@orientir/roadmap-import';
import { prebuiltWorkflowBundle } from '@orientir/workflow-bundle';
import { testEnv } from '../setup/test-infrastructure';
import { schoolSetup, TEAM } from './school-year.fixtures';

const TZ = 'Asia/Irkutsk';
const YEAR = 2027; // the seed's 2023 roadmap moved to a year still ahead of the test server's clock
const DAY = 24 * 60 * 60 * 1000;
const CYCLE = 'c-irkutsk';
const local = (date: string) => startOfLocalDay(date, TZ).getTime();
const endOf = (date: string) => endOfLocalDay(date, TZ).getTime();

/**
 * A year of the Irkutsk seed on the Java time-skipping server. Event definitions are built by the real
 * activity code from the parsed roadmap; the store, the mail and the school read model are in memory
 * (the workflows and their timing are under test, not SQL). School workflows run for real and the
 * coverage event reads their projected stages.
 */
const SELF_DIAGNOSIS = {
  actor: TEAM,
  answers: [{ directionId: 'low_motivation', confirmed: true, justification: 'ВПР', measures: 'Кружки' }],
};

describe('a year of the Irkutsk roadmap events (time-skipping, Asia/Irkutsk)', () => {
  let env: TestWorkflowEnvironment;
  const sources = new Map<string, EventDefinitionInput>();
  const projections: EventProgressSnapshot[] = [];
  const reminders: EventReminderInput[] = [];
  const stored: { eventId: string; occurrenceIndex: number; evidenceId: string }[] = [];
  const schoolStage = new Map<string, string>();
  let schools: { id: string; category: SchoolCategory }[] = [];

  const activities: OrientirActivities = {
    async projectEventProgress(s) {
      projections.push(s);
    },
    async projectSchoolProgress(s) {
      schoolStage.set(s.schoolId, s.stage);
    },
    async sendEventReminder(input) {
      reminders.push(input);
      return { recipients: 1 };
    },
    async loadEventDefinition({ eventId, reminderDaysBefore }) {
      const source = sources.get(eventId);
      if (!source) throw new Error(`no event ${eventId}`);
      return buildEventDefinition(source, reminderDaysBefore);
    },
    async storeEvidence(input) {
      if (!stored.some((s) => s.evidenceId === input.evidence.evidenceId)) {
        stored.push({
          eventId: input.eventId,
          occurrenceIndex: input.occurrenceIndex,
          evidenceId: input.evidence.evidenceId,
        });
      }
    },
    async amendEvidence() {},
    async sendDailyDigests() {
      throw new Error('not used by event workflows');
    },
    async enqueueMail() {
      throw new Error('not used by event workflows');
    },
    async removeEvidence() {},
    // Each school's profile came with the launch, so it starts at self-diagnosis.
    async loadSchoolYearSetup({ schoolId }) {
      return { ...schoolSetup(await env.currentTimeMs(), schoolId), flaggedDirections: ['low_motivation'] };
    },
    async sendSchoolNotice() {
      return { recipients: 0 };
    },
    async loadCalendarOverrides() {
      return {};
    },
    async loadNotificationTiming() {
      return { timeZone: TZ, chain: [...DEFAULT_ESCALATION_CHAIN], calendar: {} };
    },
    async sendEventEscalation() {
      return { recipients: 1 };
    },
    async measureStageCoverage({ stage }) {
      const done = new Set(stagesDoneAfter(stage));
      return [...schoolStage].filter(([, s]) => done.has(s)).map(([id]) => id);
    },
  };

  const latest = (eventId: string) => projections.filter((p) => p.eventId === eventId).at(-1);
  const remindersOf = (eventId: string) => reminders.filter((r) => r.eventId === eventId);
  async function sleepUntil(instant: number): Promise<void> {
    const now = await env.currentTimeMs();
    if (instant > now) await env.sleep(instant - now);
  }

  function source(
    event: RoadmapEvent,
    id: string,
    over: Partial<EventDefinitionInput['event']> = {},
  ): EventDefinitionInput {
    return {
      cycle: { id: CYCLE, timezone: TZ },
      event: {
        id,
        title: event.title,
        opensAt: new Date(local(event.period.start ?? `${YEAR}-01-01`)),
        deadline: new Date(endOf(event.period.end ?? `${YEAR}-12-31`)),
        executors: event.executors.map((name, i) => ({
          name,
          organisationId: `00000000-0000-4000-8000-00000000000${i}`,
        })),
        period: event.period,
        indicator: event.indicator,
        reportForm: event.reportForm,
        stage: event.stage,
        pastPolicy: 'late',
        schedule: null,
        ...over,
      },
      schools,
    };
  }
  const evidence = (over: Partial<EvidenceInput>): EvidenceInput => ({
    evidenceId: randomUUID(),
    executorKey: 'org:00000000-0000-4000-8000-000000000000',
    executorName: 'ДО г. Иркутска',
    organisationId: null,
    asCoordinator: false,
    recordedBy: null,
    recordedByName: null,
    occurrenceIndex: null,
    heldOn: null,
    heldOnStart: null,
    heldOnEnd: null,
    count: null,
    link: null,
    schoolIds: [],
    comment: 'Проведено',
    files: [],
    lateReason: null,
    ...over,
  });
  const heldOn = (date: string) => ({
    heldOn: date,
    heldOnStart: new Date(local(date)).toISOString(),
    heldOnEnd: new Date(endOf(date)).toISOString(),
  });

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testEnv('testServerPath') } },
    });
    // The school workflows upsert their stage; the test server knows no custom attributes until told.
    await env.connection.operatorService.addSearchAttributes({
      namespace: env.namespace ?? 'default',
      searchAttributes: Object.fromEntries(
        Object.keys(SEARCH_ATTRIBUTE_DEFINITIONS).map((name) => [
          name,
          temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
        ]),
      ),
    });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('opens, reminds, evaluates month by month and follows the school workflows over the whole year', async () => {
    const text = readFileSync(path.join(__dirname, '../fixtures/roadmaps/irkutsk-city-2023.txt'), 'utf8');
    const roadmap = await parseRoadmap({ text }, { year: YEAR, timezone: TZ });
    schools = roadmap.schools.map((s, i) => ({ id: `school-${i}`, category: s.category }));
    const shnor = schools.filter((s) => s.category === 'shnor');
    expect(shnor).toHaveLength(8);
    const byNumber = (n: string) => roadmap.events.find((e) => e.number === n)!;

    // № 1 «Май», at least one act; № 22 «Март-декабрь», made «не менее 2 новостных событий в месяц»;
    // № 6 self-diagnosis, 100% ШНОР, from the school workflows; № 12 «В течение года»; and a «По графику» one.
    sources.set('e1', source(byNumber('1'), 'e1'));
    const monthly = byNumber('22');
    sources.set('e22', source(monthly, 'e22', { indicator: { ...monthly.indicator, min: 2, per: 'month' } }));
    sources.set('e6', source(byNumber('6'), 'e6'));
    sources.set('e12', source(byNumber('12'), 'e12'));
    sources.set('eG', source(byNumber('2'), 'eG', { period: parsePeriod('По графику', { year: YEAR }).period }));

    const taskQueue = `event-year-${Date.now()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities,
      ...(await prebuiltWorkflowBundle()),
    });

    await worker.runUntil(async () => {
      const launchedAt = await env.currentTimeMs();
      const start = (eventId: string) =>
        env.client.workflow.start(ROADMAP_EVENT_WORKFLOW, {
          taskQueue,
          workflowId: eventWorkflowId(CYCLE, eventId),
          args: [{ cycleId: CYCLE, eventId, opensAt: '', deadline: '', reminderDaysBefore: [7, 1] }],
        });
      const e1 = await start('e1');
      const e22 = await start('e22');
      await start('e6');
      const e12 = await start('e12');
      const eG = await start('eG');
      const schoolHandles = await Promise.all(
        shnor.map((s) =>
          env.client.workflow.start(SCHOOL_CYCLE_WORKFLOW, {
            taskQueue,
            workflowId: schoolWorkflowId(CYCLE, s.id),
            args: [{ cycleId: CYCLE, schoolId: s.id }],
          }),
        ),
      );

      // Nothing from the past at launch, nothing before the windows open.
      await sleepUntil(launchedAt + 60 * 1000);
      expect(latest('e1')?.status).toBe('not_started');
      expect(latest('eG')?.status).toBe('awaiting_schedule');
      expect(reminders).toHaveLength(0);

      // «По графику» dated by the coordinator: 10–20 February, local time.
      await eG.executeUpdate(scheduleEventUpdate, {
        args: [
          {
            occurrenceIndex: null,
            windows: [
              {
                opensAt: new Date(local(`${YEAR}-02-10`)).toISOString(),
                deadline: new Date(endOf(`${YEAR}-02-20`)).toISOString(),
                label: '10 – 20 февраля',
              },
            ],
            by: null,
          },
        ],
      });
      await sleepUntil(local(`${YEAR}-02-10`) + 60 * 1000);
      expect(latest('eG')?.status).toBe('open');

      // № 22: March — two news items, met; April — one, overdue once April ends (Irkutsk time).
      await sleepUntil(local(`${YEAR}-03-01`) - 60 * 1000);
      expect(latest('e22')?.status).toBe('not_started');
      await sleepUntil(local(`${YEAR}-03-01`) + 60 * 1000);
      expect(latest('e22')?.status).toBe('open');
      await sleepUntil(local(`${YEAR}-03-20`));
      for (const day of ['03-05', '03-19']) {
        await e22.executeUpdate(recordEvidenceUpdate, { args: [evidence({ ...heldOn(`${YEAR}-${day}`), count: 1 })] });
      }
      await sleepUntil(local(`${YEAR}-04-10`));
      await e22.executeUpdate(recordEvidenceUpdate, { args: [evidence({ ...heldOn(`${YEAR}-04-09`), count: 1 })] });
      // Evidence dated outside the period without a reason is refused by the validator.
      await expect(
        e22.executeUpdate(recordEvidenceUpdate, {
          args: [evidence({ ...heldOn(`${YEAR}-02-01`), count: 1, occurrenceIndex: 1 })],
        }),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/укажите причину/) } });
      await sleepUntil(endOf(`${YEAR}-04-30`) - 60 * 1000);
      const lastApril = latest('e22')!;
      expect(lastApril.occurrences!.slice(0, 2).map((o) => [o.label, o.status, o.achieved])).toEqual([
        ['март 2027 г.', 'met', 2],
        ['апрель 2027 г.', 'at_risk', 1],
      ]);
      expect(latest('e1')?.status).toBe('not_started'); // a minute before midnight in Irkutsk
      await sleepUntil(endOf(`${YEAR}-04-30`) + 60 * 1000);
      const afterApril = latest('e22')!;
      expect(afterApril.occurrences![1].status).toBe('overdue');
      expect(afterApril.occurrences![2].status).toBe('open');
      expect(afterApril.status).toBe('overdue');
      expect(stored.filter((s) => s.eventId === 'e22').map((s) => s.occurrenceIndex)).toEqual([0, 0, 1]);

      // № 1 opened at 00:00 on 1 May in Irkutsk (16:00 UTC on 30 April), not a minute before.
      expect(latest('e1')?.status).toBe('open');
      expect(latest('e6')?.status).toBe('open');

      // Self-diagnosis: half the ШНОР done by mid-May → the coverage event is at risk; all done → met.
      for (const s of schoolHandles.slice(0, 4)) {
        await s.executeUpdate(submitSelfDiagnosisUpdate, { args: [SELF_DIAGNOSIS] });
      }
      await sleepUntil(local(`${YEAR}-05-20`));
      expect(latest('e6')).toMatchObject({ status: 'at_risk' });
      expect(latest('e6')!.occurrences![0]).toMatchObject({ achieved: 50, coveredSchools: 4 });
      for (const s of schoolHandles.slice(4)) {
        await s.executeUpdate(submitSelfDiagnosisUpdate, { args: [SELF_DIAGNOSIS] });
      }
      await sleepUntil(local(`${YEAR}-05-22`));
      expect(latest('e6')?.status).toBe('met');

      // № 1 reminders 7 and 1 working days before its deadline (Monday 31 May): 09:00 Irkutsk time on
      // Thursday 20 and Friday 28 May — the production calendar skips the weekends.
      await sleepUntil(local(`${YEAR}-05-31`));
      const e1Reminders = remindersOf('e1').map((r) => localDate(r.sentAt));
      expect(remindersOf('e1').map((r) => r.sentAt.slice(0, 16))).toEqual([
        `${YEAR}-05-20T01:00`,
        `${YEAR}-05-28T01:00`,
      ]);
      expect(e1Reminders).toEqual([`${YEAR}-05-20`, `${YEAR}-05-28`]);
      await e1.executeUpdate(recordEvidenceUpdate, { args: [evidence({ ...heldOn(`${YEAR}-05-30`), count: 1 })] });
      await sleepUntil(endOf(`${YEAR}-05-31`) + 60 * 1000);
      expect(latest('e1')?.status).toBe('met'); // never «просрочено» when met

      // «В течение года»: one window with a monthly nudge, no burst; the whole year passes.
      await sleepUntil(endOf(`${YEAR}-12-31`) + 31 * DAY);
      const nudges = remindersOf('e12').map((r) => localDate(r.sentAt));
      expect(nudges.length).toBeGreaterThanOrEqual(11);
      expect(new Set(nudges).size).toBe(nudges.length);
      expect(nudges[0] >= `${YEAR}-01-30`).toBe(true);
      // The monthly event, finalised after the late-evidence window: March met, the rest not met.
      const final = latest('e22')!;
      expect(final.occurrences!.map((o) => o.status)).toEqual(['met', ...Array(9).fill('not_met')]);
      expect(final.status).toBe('not_met');
      expect(await e22.query(roadmapEventStateQuery)).toMatchObject({ status: 'not_met' });
      await expect(e1.result()).resolves.toMatchObject({ status: 'met' });
      await expect(e12.result()).resolves.toMatchObject({ status: 'not_met' });
    });
  }, 300_000);

  it('continues as new when its history grows, carrying its state and projection sequence', async () => {
    const text = readFileSync(path.join(__dirname, '../fixtures/roadmaps/irkutsk-city-2023.txt'), 'utf8');
    const roadmap = await parseRoadmap({ text }, { year: YEAR, timezone: TZ });
    const monthly = roadmap.events.find((e) => e.number === '22')!;
    // Eight 30-day windows from the test server's «now», at least two records in each: a long history.
    const t0 = await env.currentTimeMs();
    const windows = Array.from({ length: 8 }, (_, i) => ({
      opensAt: new Date(t0 + (1 + 30 * i) * DAY).toISOString(),
      deadline: new Date(t0 + (30 + 30 * i) * DAY).toISOString(),
    }));
    sources.set(
      'eC',
      source(monthly, 'eC', {
        period: null,
        schedule: windows,
        indicator: { ...monthly.indicator, min: 2, per: null },
      }),
    );
    const taskQueue = `event-continue-${Date.now()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities,
      ...(await prebuiltWorkflowBundle()),
    });
    await worker.runUntil(async () => {
      const first = await env.client.workflow.start(ROADMAP_EVENT_WORKFLOW, {
        taskQueue,
        workflowId: eventWorkflowId(CYCLE, 'eC'),
        args: [
          { cycleId: CYCLE, eventId: 'eC', opensAt: '', deadline: '', reminderDaysBefore: [7, 1], historyLimit: 60 },
        ],
      });
      // Follows the chain of runs: Updates and queries reach the current one.
      const handle = env.client.workflow.getHandle(first.workflowId);
      const records: EvidenceInput[] = [];
      for (const [i, w] of windows.entries()) {
        await sleepUntil(Date.parse(w.opensAt) + 10 * DAY);
        for (const n of [1, 2]) {
          const record = evidence({ count: 1, comment: `Период ${i + 1}, запись ${n}` });
          records.push(record);
          await handle.executeUpdate(recordEvidenceUpdate, { args: [record] });
        }
      }
      const runId = (await handle.describe()).runId;
      expect(runId).not.toBe(first.firstExecutionRunId); // it did continue as new

      // The first record sent again after the continue: the carried state knows it, nothing doubles.
      const again = await handle.executeUpdate(recordEvidenceUpdate, { args: [records[0]] });
      expect(again.evidenceIds).toHaveLength(16);
      expect(stored.filter((s) => s.eventId === 'eC')).toHaveLength(16);
      expect(again.occurrences.map((o) => o.status)).toEqual(Array(8).fill('met'));

      // The read model kept moving across runs: one sequence, strictly increasing, and the last
      // snapshot says what the workflow says.
      const sequences = projections.filter((p) => p.eventId === 'eC').map((p) => p.sequence);
      expect(sequences.length).toBeGreaterThan(16);
      expect(sequences.every((n, i) => i === 0 || n > sequences[i - 1])).toBe(true);
      expect(latest('eC')).toMatchObject({ status: 'met', occurrencesMet: 8, occurrencesTracked: 8 });
      // Reminders are never sent twice across runs (met periods get none after they are met).
      const sent = remindersOf('eC').map((r) => r.reminderIndex);
      expect(new Set(sent).size).toBe(sent.length);
      await sleepUntil(Date.parse(windows[7].deadline) + 31 * DAY);
      await expect(handle.result()).resolves.toMatchObject({ status: 'met' });
    });
  }, 300_000);

  function localDate(iso: string): string {
    return new Date(Date.parse(iso) + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
  }
});
