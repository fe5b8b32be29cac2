import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { ESCALATION_LEVEL_NAMES, type EscalationLevel } from '@orientir/domain/workflow';
import {
  SCHOOL_YEAR_UPDATES,
  StageAttribute,
  schoolCycleStateQuery,
  type NotificationTiming,
  type OrientirActivities,
  type SchoolCycleWorkflowInput,
  type SchoolYearAction,
  type SchoolYearActionType,
  type TimelineStep,
} from '@orientir/contracts';
import { pendingEscalations } from './overdue-escalation.util';
import { projected } from './projection-failure.util';
import { legacySchoolCycleWorkflow } from './school-cycle-legacy.workflow';
import { SchoolYear, type SchoolNotice } from './school-year/school-year.rules';

const { projectSchoolProgress, loadSchoolYearSetup, sendSchoolNotice, loadNotificationTiming } =
  proxyActivities<OrientirActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
  });

/** Marks histories of the school year (issue 11); histories without it replay the first, five-click workflow. */
export const SCHOOL_YEAR_PATCH = 'school-year-v1';
/** Marks runs that escalate an overdue stage along the cycle's chain (issue 13) instead of mailing all at once. */
export const SCHOOL_ESCALATION_PATCH = 'school-escalation-chain-v1';
/** Marks runs whose reminders count working days at the cycle's 09:00 (issue 13). */
export const SCHOOL_WORKING_DAY_REMINDERS_PATCH = 'school-working-day-reminders-v1';

/** Who hears of an overdue stage at each level of the chain: the school team (with its curator) executes it. */
const ESCALATION_AUDIENCE: Record<EscalationLevel, SchoolNotice['audience']> = {
  executor: ['school_team', 'curator'],
  municipal_coordinator: ['coordinator'],
  regional_coordinator: ['regional_coordinator'],
};

/**
 * One school's year for one cycle: risk profile → self-diagnosis → concept documents → expertise
 * (rounds of rework per document) → monitoring checkpoints → report. Every human action is an
 * Update whose validator applies the rules synchronously (a refused action never enters history);
 * the handler answers only after the projection is written. Reminders before the stage's due date,
 * overdue with escalation after it, and late reviews run on timers. Continues as new before the
 * history grows large, carrying its state and the projection's sequence.
 */
export async function schoolCycleWorkflow(input: SchoolCycleWorkflowInput): Promise<unknown> {
  if (!input.carried && !patched(SCHOOL_YEAR_PATCH)) return legacySchoolCycleWorkflow(input);

  const { workflowId } = workflowInfo();
  const carried = input.carried;
  let year: SchoolYear | null = null;
  const pendingSteps: TimelineStep[] = [];
  let sequence = carried?.sequence ?? 0;
  const notices: SchoolNotice[] = [];
  /** Set by every handled action, so the loop re-plans its timers and checks the history size. */
  let changed = false;
  const lock = new Lock();
  /** Handlers exist from the first task; until the set-up is read, actions are refused with a reason. */
  const ready = (): SchoolYear => {
    if (!year) {
      throw ApplicationFailure.create({
        message: 'Процесс школы еще запускается: повторите действие через минуту',
        nonRetryable: true,
      });
    }
    return year;
  };

  /** Writes the state and the new timeline steps; a retried or late write never overwrites a newer one. */
  const project = async (): Promise<void> => {
    sequence += 1;
    const state = ready().view();
    const steps = pendingSteps.splice(0);
    upsertSearchAttributes([{ key: StageAttribute, value: state.stage }]);
    await projected(() =>
      projectSchoolProgress({
        cycleId: state.cycleId,
        schoolId: state.schoolId,
        workflowId,
        stage: state.stage,
        round: state.round,
        lastRemarks: state.lastRemarks,
        sequence,
        changedAt: new Date(Date.now()).toISOString(),
        dueAt: state.dueAt,
        overdue: state.overdue,
        rework: state.rework,
        curator: state.curator,
        state,
        steps,
      }),
    );
  };

  setHandler(schoolCycleStateQuery, () => ready().view());
  for (const type of Object.keys(SCHOOL_YEAR_UPDATES) as SchoolYearActionType[]) {
    setHandler(
      SCHOOL_YEAR_UPDATES[type],
      (request: Omit<SchoolYearAction, 'type'>) =>
        lock.run(async () => {
          const action = { ...request, type } as SchoolYearAction;
          // Checked again: another action may have moved the state since the validator ran.
          const problem = ready().problem(action, Date.now());
          if (problem) throw ApplicationFailure.create({ message: problem, nonRetryable: true });
          const outcome = ready().apply(action, Date.now());
          pendingSteps.push(...outcome.steps);
          notices.push(...outcome.notices);
          changed = true;
          await project();
          return ready().view();
        }),
      {
        validator: (request: Omit<SchoolYearAction, 'type'>) => {
          const problem = ready().problem({ ...request, type } as SchoolYearAction, Date.now());
          if (problem) throw ApplicationFailure.create({ message: problem, nonRetryable: true });
        },
      },
    );
  }

  const setup = carried?.setup ?? (await loadSchoolYearSetup({ cycleId: input.cycleId, schoolId: input.schoolId }));
  if (carried) {
    year = SchoolYear.resume(setup, carried.state, carried.remindersSent);
    pendingSteps.push(...carried.pendingSteps);
  } else {
    const started = SchoolYear.start(setup, Date.now());
    year = started.year;
    pendingSteps.push(...started.steps);
  }

  const school = year;
  school.escalatesByChain = carried ? !!carried.escalatesByChain : patched(SCHOOL_ESCALATION_PATCH);
  school.remindsOnWorkingDays = carried ? !!carried.remindsOnWorkingDays : patched(SCHOOL_WORKING_DAY_REMINDERS_PATCH);
  const escalationsSent = new Set(carried?.escalationsSent ?? []);
  /** The cycle's chain and calendar, read by an activity when planning (see the event workflow for why). */
  let timing: NotificationTiming | null = null;
  if (!carried || pendingSteps.length) await lock.run(project);

  while (!school.finished) {
    const timer = school.nextTimer();
    const escalationAt = school.escalatesByChain ? await lock.run(escalateDue) : null;
    const wakeAt = escalationAt !== null && (!timer || escalationAt < timer.at) ? escalationAt : (timer?.at ?? null);
    const wait = wakeAt !== null ? Math.max(1, wakeAt - Date.now()) : undefined;
    const woken = () => changed || notices.length > 0 || school.finished;
    if (!woken()) await (wait === undefined ? condition(woken) : condition(woken, wait));
    changed = false;
    await lock.run(async () => {
      const fired = school.fireDue(Date.now());
      if (fired.steps.length) {
        pendingSteps.push(...fired.steps);
        await project();
      }
      notices.push(...fired.notices);
      await sendNotices(notices.splice(0));
    });
    if (!school.finished && shouldContinueAsNew(input)) {
      await condition(allHandlersFinished);
      // Whatever arrived while handlers drained is carried too.
      await continueAsNew<typeof schoolCycleWorkflow>({
        cycleId: input.cycleId,
        schoolId: input.schoolId,
        historyLimit: input.historyLimit,
        carried: {
          setup,
          state: school.view(),
          sequence,
          pendingSteps: pendingSteps.splice(0),
          remindersSent: [...school.remindersSent],
          escalationsSent: [...escalationsSent],
          escalatesByChain: school.escalatesByChain,
          remindsOnWorkingDays: school.remindsOnWorkingDays,
        },
      });
    }
  }
  await condition(allHandlersFinished);
  await sendNotices(notices.splice(0));
  return school.view();

  /** Sends the chain's letters for an overdue stage that are due; answers when the next one falls due. */
  async function escalateDue(): Promise<number | null> {
    const state = school.state;
    if (!state.overdue || !state.dueAt || school.finished) return null;
    const items = [{ key: state.dueAt, deadline: Date.parse(state.dueAt) }];
    const pending = (t: NotificationTiming) => pendingEscalations(items, t, (key) => escalationsSent.has(key));
    if (!timing || pending(timing).some((step) => step.dueAt <= Date.now())) {
      timing = await loadNotificationTiming({ cycleId: input.cycleId });
    }
    for (const step of pending(timing)) {
      if (step.dueAt > Date.now()) return step.dueAt;
      await sendNotices([
        {
          kind: 'overdue',
          audience: ESCALATION_AUDIENCE[step.level],
          key: step.key,
          documentKey: null,
          remarks:
            step.level === 'executor'
              ? null
              : `Письмо направлено по цепочке эскалации цикла (${ESCALATION_LEVEL_NAMES[step.level]}): просим проконтролировать выполнение.`,
        },
      ]);
      escalationsSent.add(step.key);
    }
    return null;
  }

  async function sendNotices(batch: SchoolNotice[]): Promise<void> {
    const state = school.state;
    const experts = state.documents.flatMap((d) => (d.expert && d.status === 'submitted' ? [d.expert] : []));
    for (const notice of batch) {
      await sendSchoolNotice({
        workflowId,
        cycleId: state.cycleId,
        schoolId: state.schoolId,
        kind: notice.kind,
        audience: notice.audience,
        key: notice.key,
        stage: state.stage,
        round: state.round,
        dueAt: state.dueAt,
        documentKey: notice.documentKey,
        documentTitle: state.documents.find((d) => d.key === notice.documentKey)?.title ?? null,
        remarks: notice.remarks,
        curator: state.curator,
        experts,
      });
    }
  }
}

function shouldContinueAsNew(input: SchoolCycleWorkflowInput): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || (!!input.historyLimit && info.historyLength > input.historyLimit);
}

/** Serialises handlers that await activities, so two actions never interleave (deterministic: a promise chain). */
class Lock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
