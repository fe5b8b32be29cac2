import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  closeEventUpdate,
  correctEvidenceUpdate,
  judgeEventUpdate,
  recordEvidenceUpdate,
  removeEvidenceUpdate,
  roadmapEventStateQuery,
  scheduleEventUpdate,
  type NotificationTiming,
  type OrientirActivities,
  type RoadmapEventState,
  type RoadmapEventWorkflowInput,
} from '@orientir/contracts';
import { pendingEscalations } from './overdue-escalation.util';
import { projected } from './projection-failure.util';
import { RoadmapEventTracker, toOccurrenceRecords } from './roadmap-event.state';

const {
  projectEventProgress,
  sendEventReminder,
  loadEventDefinition,
  measureStageCoverage,
  loadNotificationTiming,
  sendEventEscalation,
} = proxyActivities<OrientirActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});
const evidenceStore = proxyActivities<OrientirActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/** Marks histories that send the overdue notice and escalate along the cycle's chain (issue 13). */
export const EVENT_ESCALATION_PATCH = 'event-escalation-v1';

/**
 * One roadmap event for one cycle, tracked occurrence by occurrence: opens each window on time,
 * reminds its executors of what is not met yet, takes evidence and the coordinator's corrections
 * through validated Updates, and projects the status (met, at risk, overdue…) into PostgreSQL.
 */
export async function roadmapEventWorkflow(input: RoadmapEventWorkflowInput): Promise<RoadmapEventState> {
  const { workflowId } = workflowInfo();
  const { carried } = input;
  // Histories begun before the chain existed go on without it; every newer run escalates (a continued
  // run keeps what its first run decided).
  const escalates = carried ? carried.escalates : patched(EVENT_ESCALATION_PATCH);
  /**
   * The cycle's chain and calendar, read by an activity at each planning step rather than carried in
   * the input: a chain edited on a running cycle or a calendar changed by a coordinator then reaches
   * every workflow without an Update fanned out to thousands of them, and a replay reads the answer
   * recorded in history.
   */
  let timing: NotificationTiming | null = null;
  const definition =
    carried?.definition ??
    (await loadEventDefinition({
      cycleId: input.cycleId,
      eventId: input.eventId,
      reminderDaysBefore: input.reminderDaysBefore,
    }));
  const tracker = carried
    ? RoadmapEventTracker.restore(definition, carried.tracker)
    : new RoadmapEventTracker(definition, Date.now(), input.reminderDaysBefore);
  let sequence = carried?.sequence ?? 0;
  // A continued run has nothing new to project until something changes.
  let dirty = !carried;
  let busy = false;
  /** An Update changed the plan (a date set, a period moved, closed): the loop must recompute its next wake. */
  let replan = false;

  const view = (): RoadmapEventState => {
    const summary = tracker.evaluate(Date.now());
    return {
      status: summary.status,
      remindersSent: tracker.remindersSent,
      nextReminderAt: nextReminderIso(),
      progressPercent: summary.progressPercent,
      occurrences: toOccurrenceRecords(summary),
      evidenceIds: tracker.evidenceIds(),
    };
  };
  const nextReminderIso = (): string | null => {
    const next = tracker.pendingReminders(Date.now())[0];
    return next ? new Date(next.dueAt).toISOString() : null;
  };
  const project = async (): Promise<void> => {
    const now = Date.now();
    const summary = tracker.evaluate(now);
    sequence += 1;
    const snapshot = {
      cycleId: input.cycleId,
      eventId: input.eventId,
      workflowId,
      status: summary.status,
      remindersSent: tracker.remindersSent,
      progressPercent: summary.progressPercent,
      occurrences: toOccurrenceRecords(summary),
      occurrencesMet: summary.occurrencesMet,
      occurrencesTracked: summary.occurrencesTracked,
      control: tracker.controlRecord(),
      sequence,
      changedAt: new Date(now).toISOString(),
    };
    await projected(() => projectEventProgress(snapshot));
  };
  /** Handlers run one at a time (they await activities), so two records never interleave. */
  const exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
    await condition(() => !busy);
    busy = true;
    try {
      const result = await run();
      // Read-your-writes: the read model shows the change before the Update answers.
      await project();
      replan = true;
      return result;
    } finally {
      busy = false;
    }
  };
  const reject = (problem: string | null): void => {
    if (problem) throw ApplicationFailure.create({ message: problem, nonRetryable: true, type: 'EventUpdateRejected' });
  };

  setHandler(roadmapEventStateQuery, view);
  setHandler(
    recordEvidenceUpdate,
    (evidence) =>
      exclusive(async () => {
        if (tracker.evidenceIds().includes(evidence.evidenceId)) return view();
        // Checked again under the lock: the state may have moved since the validator ran.
        reject(tracker.evidenceProblem(evidence, Date.now()));
        const occurrence = tracker.occurrenceFor(evidence, Date.now());
        if (!occurrence) return view();
        await evidenceStore.storeEvidence({
          cycleId: input.cycleId,
          eventId: input.eventId,
          occurrenceIndex: occurrence.index,
          evidence,
          recordedAt: new Date(Date.now()).toISOString(),
        });
        tracker.addEvidence(evidence, occurrence.index);
        return view();
      }),
    { validator: (evidence) => reject(tracker.evidenceProblem(evidence, Date.now())) },
  );
  setHandler(
    correctEvidenceUpdate,
    (correction) =>
      exclusive(async () => {
        await evidenceStore.amendEvidence({
          eventId: input.eventId,
          correction,
          at: new Date(Date.now()).toISOString(),
        });
        tracker.correct(correction);
        return view();
      }),
    { validator: (correction) => reject(tracker.correctionProblem(correction)) },
  );
  setHandler(
    removeEvidenceUpdate,
    (removal) =>
      exclusive(async () => {
        await evidenceStore.removeEvidence({ eventId: input.eventId, removal, at: new Date(Date.now()).toISOString() });
        tracker.remove(removal);
        return view();
      }),
    { validator: (removal) => reject(tracker.removalProblem(removal)) },
  );
  setHandler(
    scheduleEventUpdate,
    (request) =>
      exclusive(async () => {
        tracker.schedule(request);
        return view();
      }),
    { validator: (request) => reject(tracker.scheduleProblem(request)) },
  );
  setHandler(
    closeEventUpdate,
    (request) =>
      exclusive(async () => {
        tracker.close(request, Date.now());
        return view();
      }),
    { validator: (request) => reject(tracker.closeProblem(request)) },
  );
  setHandler(
    judgeEventUpdate,
    (request) =>
      exclusive(async () => {
        tracker.judge(request);
        return view();
      }),
    { validator: (request) => reject(tracker.verdictProblem(request)) },
  );

  /** Sends the overdue notices and escalation steps that are due; answers when the next one falls due. */
  const escalateDue = async (): Promise<number | null> => {
    const overdue = tracker.overdueOccurrences(Date.now());
    if (!overdue.length) return null;
    const pending = (t: NotificationTiming) => pendingEscalations(overdue, t, (key) => tracker.wasSent(key));
    // Read once planning starts, and again when a step falls due, so an edit since the plan counts.
    if (!timing || pending(timing).some((step) => step.dueAt <= Date.now())) {
      timing = await loadNotificationTiming({ cycleId: input.cycleId });
    }
    for (const step of pending(timing)) {
      if (step.dueAt > Date.now()) return step.dueAt;
      await sendEventEscalation({
        cycleId: input.cycleId,
        eventId: input.eventId,
        workflowId,
        occurrenceIndex: step.item.index,
        level: step.level,
        deadline: new Date(step.item.deadline).toISOString(),
        sentAt: new Date(Date.now()).toISOString(),
      });
      tracker.markEscalated(step.key);
    }
    return null;
  };

  let lastStatus = carried?.lastStatus ?? '';
  let lastRefresh = carried?.lastCoverageRefresh ?? -Infinity;
  while (true) {
    replan = false;
    const now = Date.now();
    const stage = definition.pipelineStage;
    if (stage && tracker.needsPipelineCoverage(now) && now - lastRefresh >= 12 * 60 * 60 * 1000) {
      lastRefresh = now;
      const covered = await measureStageCoverage({ cycleId: input.cycleId, stage });
      if (tracker.setPipelineCoverage(covered)) dirty = true;
    }
    for (const reminder of tracker.pendingReminders(now).filter((r) => r.dueAt <= now)) {
      await sendEventReminder({
        cycleId: input.cycleId,
        eventId: input.eventId,
        reminderIndex: reminder.index,
        workflowId,
        sentAt: new Date(Date.now()).toISOString(),
      });
      tracker.markSent(reminder);
      dirty = true;
    }
    const escalationWake = escalates ? await escalateDue() : null;
    const status = tracker.evaluate(Date.now()).status;
    if (dirty || status !== lastStatus) {
      dirty = false;
      lastStatus = status;
      await project();
    }
    if (tracker.finished(Date.now())) {
      await condition(() => !busy);
      if (dirty) await project();
      return view();
    }
    // Long-lived (a year, monthly occurrences, many records): start afresh before history grows large.
    // Histories recorded before this existed replay without the marker and never continue.
    if (shouldContinueAsNew(input) && patched(EVENT_CONTINUE_AS_NEW_PATCH)) {
      await condition(() => !busy && allHandlersFinished());
      await continueAsNew<typeof roadmapEventWorkflow>({
        ...input,
        carried: {
          definition,
          tracker: tracker.snapshot(),
          sequence,
          lastStatus,
          lastCoverageRefresh: Number.isFinite(lastRefresh) ? lastRefresh : null,
          escalates,
        },
      });
    }
    const trackerWake = tracker.nextWake(Date.now());
    const wake =
      escalationWake !== null && (trackerWake === null || escalationWake < trackerWake) ? escalationWake : trackerWake;
    if (wake === null) await condition(() => dirty || replan);
    else await condition(() => dirty || replan, Math.max(1, wake - Date.now()));
  }
}

/** Marks histories that may continue as new (issue 12); older ones replay without it. */
export const EVENT_CONTINUE_AS_NEW_PATCH = 'event-continue-as-new-v1';

function shouldContinueAsNew(input: RoadmapEventWorkflowInput): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || (!!input.historyLimit && info.historyLength > input.historyLimit);
}
