import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  SCHOOL_CYCLE_WORKFLOW,
  SCHOOL_YEAR_UPDATES,
  schoolCycleStateQuery,
  type OrientirActivities,
  type SchoolNoticeInput,
  type SchoolProgressSnapshot,
  type SchoolYearActionType,
  type SchoolYearRequest,
  type SchoolYearState,
} from '@orientir/contracts';
import { DEFAULT_ESCALATION_CHAIN, planEscalation } from '@orientir/domain';
import { prebuiltWorkflowBundle } from '@orientir/workflow-bundle';
import { testEnv } from '../setup/test-infrastructure';
import { registerSearchAttributes } from './replay/replay-scenarios';
import { COORDINATOR, CURATOR_A, CURATOR_B, DAY, STRANGER, TEAM, personOf, schoolSetup } from './school-year.fixtures';

/**
 * The school's year on the Java time-skipping test server. The activities record what the workflow
 * asked for (projections and notices); the workflow and its rules are under test.
 */
describe('school year workflow (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let projections: SchoolProgressSnapshot[];
  let notices: SchoolNoticeInput[];
  let worker: Worker;
  let taskQueue: string;
  let running: Promise<void>;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: testEnv('testServerPath') } },
    });
    await registerSearchAttributes(env);
    taskQueue = `school-year-${Date.now()}`;
    const activities: OrientirActivities = {
      async projectEventProgress() {},
      async sendEventReminder() {
        return { recipients: 0 };
      },
      async projectSchoolProgress(snapshot) {
        projections.push(snapshot);
      },
      async loadSchoolYearSetup(input) {
        return schoolSetup(await env.currentTimeMs(), input.schoolId);
      },
      async sendSchoolNotice(input) {
        notices.push(input);
        return { recipients: 1 };
      },
      async sendDailyDigests() {
        return { people: 0, letters: 0 } as never;
      },
      async enqueueMail() {
        throw new Error('the school workflow sends notices through sendSchoolNotice');
      },
      async loadEventDefinition() {
        throw new Error('no event workflow in this test');
      },
      async storeEvidence() {},
      async amendEvidence() {},
      async removeEvidence() {},
      async measureStageCoverage() {
        return [];
      },
      async loadCalendarOverrides() {
        return {};
      },
      async loadNotificationTiming() {
        return { timeZone: 'Asia/Irkutsk', chain: [...DEFAULT_ESCALATION_CHAIN], calendar: {} };
      },
      async sendEventEscalation() {
        return { recipients: 0 };
      },
    };
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      activities,
      ...(await prebuiltWorkflowBundle()),
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  beforeEach(() => {
    projections = [];
    notices = [];
  });

  const start = async (schoolId: string, historyLimit?: number) =>
    env.client.workflow.start(SCHOOL_CYCLE_WORKFLOW, {
      taskQueue,
      workflowId: `cycle/c-1/school/${schoolId}-${Date.now()}`,
      args: [{ cycleId: 'c-1', schoolId, historyLimit }],
    });

  const act = <T extends SchoolYearActionType>(handle: WorkflowHandle, type: T, request: SchoolYearRequest<T>) =>
    handle.executeUpdate(SCHOOL_YEAR_UPDATES[type] as unknown as typeof SCHOOL_YEAR_UPDATES.withdrawSchool, {
      args: [request as unknown as SchoolYearRequest<'withdrawSchool'>],
    });

  /** The action is refused with a reason matching `reason`, and neither the state nor the history moved. */
  const refused = async <T extends SchoolYearActionType>(
    handle: WorkflowHandle,
    type: T,
    request: SchoolYearRequest<T>,
    reason: RegExp,
  ) => {
    await waitFor(() => settled(handle));
    const before: SchoolYearState = await handle.query(schoolCycleStateQuery);
    const historyBefore = (await handle.fetchHistory()).events?.length;
    const error = await act(handle, type, request).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((error as WorkflowUpdateFailedError).cause?.message).toMatch(reason);
    expect(await handle.query(schoolCycleStateQuery)).toEqual(before);
    // A real server drops the speculative workflow task of a rejected Update; the test server records the
    // task itself, but never the Update, an activity or a timer.
    const added = ((await handle.fetchHistory()).events ?? []).slice(historyBefore);
    expect(
      added.filter(
        (e) =>
          !e.workflowTaskScheduledEventAttributes &&
          !e.workflowTaskStartedEventAttributes &&
          !e.workflowTaskCompletedEventAttributes,
      ),
    ).toEqual([]);
  };

  it('takes one school through a whole year: two rework rounds, an extension, an overdue escalation, a curator change', async () => {
    const t0 = await env.currentTimeMs();
    const handle = await start('s-year');
    const state = () => handle.query(schoolCycleStateQuery);
    await waitFor(async () => (await state()).stage === 'risk_profile');

    await refused(handle, 'setRiskProfile', { actor: TEAM, flaggedDirections: ['teacher_shortage'] }, /координатору/);
    await refused(
      handle,
      'setRiskProfile',
      { actor: STRANGER, flaggedDirections: ['teacher_shortage'] },
      /координатору/,
    );
    await refused(handle, 'setRiskProfile', { actor: COORDINATOR, flaggedDirections: ['нет такого'] }, /Неизвестные/);
    let s = await act(handle, 'setRiskProfile', {
      actor: COORDINATOR,
      flaggedDirections: ['teacher_shortage', 'low_motivation'],
    });
    expect(s).toMatchObject({ stage: 'self_diagnosis', flaggedDirections: ['teacher_shortage', 'low_motivation'] });
    // The Update answered after the projection was written.
    expect(projections.at(-1)).toMatchObject({ stage: 'self_diagnosis', sequence: expect.any(Number) });

    const answer = (directionId: string, confirmed: boolean) => ({
      directionId,
      confirmed,
      justification: `Обоснование: ${directionId}`,
      measures: confirmed ? 'Курсы повышения квалификации' : '',
    });
    await refused(
      handle,
      'submitSelfDiagnosis',
      { actor: TEAM, answers: [answer('teacher_shortage', true)] },
      /Нет ответа по направлениям рискового профиля: «Низкая учебная мотивация обучающихся»/,
    );
    s = await act(handle, 'submitSelfDiagnosis', {
      actor: TEAM,
      answers: [answer('teacher_shortage', true), answer('low_motivation', false)],
    });
    expect(s.stage).toBe('concept_documents');
    expect(s.documents.map((d) => d.key)).toEqual([
      'development_concept',
      'medium_term_programme',
      'anti_risk_programme:teacher_shortage',
    ]);

    // Nothing uploaded: reminders 7 and 1 days before, then overdue; the cycle's chain tells the school
    // team and curator the next working day at 09:00 local, the municipal coordinator after 3 working days.
    const dueAt = s.dueAt as string;
    const [executorStep, municipalStep] = planEscalation({ timeZone: 'Asia/Irkutsk', deadline: Date.parse(dueAt) });
    await env.sleep(Date.parse(dueAt) + 60_000 - (await env.currentTimeMs()));
    s = await state();
    expect(s).toMatchObject({ stage: 'concept_documents', overdue: true, escalated: true });
    const reminders = notices.filter((n) => n.kind === 'reminder' && n.stage === 'concept_documents');
    expect(reminders.map((n) => n.audience)).toEqual([['school_team'], ['school_team']]);
    expect(projections.at(-1)).toMatchObject({ overdue: true });
    await env.sleep(municipalStep.dueAt + 60_000 - (await env.currentTimeMs()));
    expect(notices.filter((n) => n.kind === 'overdue')).toEqual([
      expect.objectContaining({
        audience: ['school_team', 'curator'],
        key: `${dueAt}/escalation/executor`,
        stage: 'concept_documents',
      }),
      expect.objectContaining({ audience: ['coordinator'], key: `${dueAt}/escalation/municipal_coordinator` }),
    ]);
    expect(executorStep.dueAt).toBeLessThan(municipalStep.dueAt);

    await refused(
      handle,
      'extendDeadline',
      { actor: COORDINATOR, dueAt: new Date(t0 + 30 * DAY).toISOString(), reason: 'раньше' },
      /в будущем/,
    );
    // The new date lies ahead of the escalation days however the calendar fell.
    const extendedTo = new Date(Math.max(t0 + 50 * DAY, (await env.currentTimeMs()) + 5 * DAY)).toISOString();
    s = await act(handle, 'extendDeadline', { actor: COORDINATOR, dueAt: extendedTo, reason: 'Больничный директора' });
    expect(s).toMatchObject({ overdue: false, dueAt: extendedTo });
    const overdueLetters = notices.filter((n) => n.kind === 'overdue').length;

    const doc = (key: string, n: number) => ({ key, fileId: `file-${key}-${n}`, fileName: `${key}-${n}.pdf` });
    const keys = s.documents.map((d) => d.key);
    s = await act(handle, 'submitDocuments', { actor: TEAM, documents: keys.map((k) => doc(k, 1)) });
    expect(s).toMatchObject({ stage: 'expertise', round: 1, rework: false });

    // Round 1: the curator approves the concept and returns the two programmes.
    await refused(
      handle,
      'reviewDocument',
      { actor: CURATOR_A, key: keys[1], decision: 'return', remarks: '  ' },
      /remarks: укажите замечания/,
    );
    await refused(handle, 'reviewDocument', { actor: TEAM, key: keys[0], decision: 'approve' }, /куратору/);
    await act(handle, 'reviewDocument', { actor: CURATOR_A, key: keys[0], decision: 'approve' });
    await act(handle, 'reviewDocument', { actor: CURATOR_A, key: keys[1], decision: 'return', remarks: 'Нет сроков' });
    s = await act(handle, 'reviewDocument', {
      actor: CURATOR_A,
      key: keys[2],
      decision: 'return',
      remarks: 'Нет показателей',
    });
    expect(s).toMatchObject({ stage: 'expertise', rework: true, round: 1, lastRemarks: 'Нет показателей' });
    await refused(
      handle,
      'submitDocuments',
      { actor: TEAM, documents: [doc(keys[0], 2)] },
      /повторно подаются только возвращенные/,
    );
    s = await act(handle, 'submitDocuments', { actor: TEAM, documents: [doc(keys[1], 2), doc(keys[2], 2)] });
    expect(s).toMatchObject({ round: 2, rework: false });

    // The coordinator changes the curator; the old one may no longer decide.
    s = await act(handle, 'changeCurator', { actor: COORDINATOR, curator: personOf(CURATOR_B), reason: 'Отпуск' });
    expect(s.curator).toEqual(personOf(CURATOR_B));
    await refused(handle, 'reviewDocument', { actor: CURATOR_A, key: keys[1], decision: 'approve' }, /Куратор Второй/);

    // Round 2: the programme of measures goes back once more; the anti-risk programme passes.
    await act(handle, 'reviewDocument', { actor: CURATOR_B, key: keys[2], decision: 'approve' });
    await act(handle, 'reviewDocument', { actor: CURATOR_B, key: keys[1], decision: 'return', remarks: 'Сроки?' });
    s = await act(handle, 'submitDocuments', { actor: TEAM, documents: [doc(keys[1], 3)] });
    expect(s.round).toBe(3);
    const review = s.documents[1];
    expect(review.versions.map((v) => v.round)).toEqual([1, 2, 3]);
    expect(review.reviews.map((r) => [r.round, r.decision, r.by.name])).toEqual([
      [1, 'return', 'Куратор Первый'],
      [2, 'return', 'Куратор Второй'],
    ]);

    // The curator sits on it past 10 working days: the coordinator hears of it.
    await env.sleep(Date.parse(review.reviewDueAt as string) + 60_000 - (await env.currentTimeMs()));
    // The extension ended the old date's chain: its regional step never went out.
    expect(notices.filter((n) => n.kind === 'overdue')).toHaveLength(overdueLetters);
    expect(notices.filter((n) => n.kind === 'review_overdue')).toEqual([
      expect.objectContaining({ audience: ['coordinator'], documentKey: keys[1], round: 3 }),
    ]);
    expect((await state()).documents[1].reviewOverdue).toBe(true);
    s = await act(handle, 'reviewDocument', { actor: CURATOR_B, key: keys[1], decision: 'approve' });
    expect(s.stage).toBe('monitoring');

    // Monitoring: two checkpoints with values and evidence, each confirmed by the curator.
    const values = [
      {
        directionId: 'teacher_shortage',
        indicator: 'Укомплектованность кадрами',
        value: '92%',
        evidence: [{ url: 'https://school1.example.ru/kadry' }],
      },
    ];
    await refused(
      handle,
      'submitCheckpoint',
      { actor: TEAM, checkpointId: 'q1', values: [{ ...values[0], evidence: [] }] },
      /приложите подтверждение/,
    );
    for (const checkpointId of ['q1', 'q2']) {
      await act(handle, 'submitCheckpoint', { actor: TEAM, checkpointId, values });
      s = await act(handle, 'reviewCheckpoint', { actor: CURATOR_B, checkpointId, decision: 'confirm' });
    }
    expect(s.stage).toBe('report');

    await refused(handle, 'decideReport', { actor: COORDINATOR, decision: 'accept' }, /еще не подан/);
    await act(handle, 'submitReport', { actor: TEAM, fileId: 'file-report', fileName: 'отчет.pdf' });
    s = await act(handle, 'decideReport', { actor: COORDINATOR, decision: 'accept' });
    expect(s.stage).toBe('completed');
    const result = (await handle.result()) as SchoolYearState;
    expect(result).toMatchObject({ stage: 'completed', round: 3, report: { status: 'accepted' } });

    // The projection moved monotonically and carried every step exactly once, numbered 1…N.
    const sequences = projections.map((p) => p.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    const steps = projections.flatMap((p) => p.steps ?? []);
    expect(steps.map((x) => x.step)).toEqual(steps.map((_, i) => i + 1));
    const actions = steps.map((x) => x.action);
    expect(actions.filter((a) => a === 'document_returned')).toHaveLength(3);
    for (const a of ['deadline_extended', 'curator_changed', 'stage_overdue', 'review_overdue', 'report_accepted']) {
      expect(actions).toContain(a);
    }
    expect(steps.find((x) => x.action === 'curator_changed')).toMatchObject({
      actor: { name: COORDINATOR.name },
      remarks: 'Отпуск',
    });
  });

  it('withdraws a school with a reason: the workflow ends and takes no further action', async () => {
    const handle = await start('s-withdrawn');
    await waitFor(async () => (await handle.query(schoolCycleStateQuery)).stage === 'risk_profile');
    await refused(handle, 'withdrawSchool', { actor: COORDINATOR, reason: ' ' }, /причину выбытия/);
    const s = await act(handle, 'withdrawSchool', { actor: COORDINATOR, reason: 'Реорганизация школы' });
    expect(s).toMatchObject({ stage: 'withdrawn', withdrawal: { reason: 'Реорганизация школы' }, dueAt: null });
    expect(await handle.result()).toMatchObject({ stage: 'withdrawn' });
    expect(projections.at(-1)).toMatchObject({ stage: 'withdrawn' });
    await expect(
      act(handle, 'setRiskProfile', { actor: COORDINATOR, flaggedDirections: ['teacher_shortage'] }),
    ).rejects.toThrow();
  });

  it('continues as new past the history limit, carrying state and projection sequence', async () => {
    const handle = await start('s-long', 60);
    const firstRun = (await handle.describe()).runId;
    await waitFor(async () => (await handle.query(schoolCycleStateQuery)).stage === 'risk_profile');
    const t0 = await env.currentTimeMs();
    for (let i = 1; i <= 8; i++) {
      await act(handle, 'extendDeadline', {
        actor: COORDINATOR,
        dueAt: new Date(t0 + (10 + i) * DAY).toISOString(),
        reason: `Продление ${i}`,
      });
    }
    await waitFor(async () => (await handle.describe()).runId !== firstRun);
    const before = projections.at(-1)!.sequence;
    // The new run answers the same Updates and keeps projecting above the old sequence.
    const s = await act(handle, 'setRiskProfile', { actor: COORDINATOR, flaggedDirections: ['low_motivation'] });
    expect(s).toMatchObject({ stage: 'self_diagnosis', dueAt: expect.any(String) });
    const after = projections.at(-1)!;
    expect(after.sequence).toBeGreaterThan(before);
    expect(after.stage).toBe('self_diagnosis');
    const steps = projections.flatMap((p) => p.steps ?? []);
    expect(steps.map((x) => x.step)).toEqual(steps.map((_, i) => i + 1));
    expect(steps.filter((x) => x.action === 'deadline_extended')).toHaveLength(8);
  });
});

/** Nothing in flight: after the last completed workflow task only timers and markers, no activity or task. */
async function settled(handle: WorkflowHandle): Promise<boolean> {
  const events = (await handle.fetchHistory()).events ?? [];
  const last = events.map((e) => !!e.workflowTaskCompletedEventAttributes).lastIndexOf(true);
  return (
    last >= 0 &&
    events
      .slice(last + 1)
      .every((e) => !e.activityTaskScheduledEventAttributes && !e.workflowTaskScheduledEventAttributes)
  );
}

/** Polls a condition (workflow tasks run asynchronously; the query exists once the set-up is read). */
async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
