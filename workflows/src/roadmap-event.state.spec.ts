import type { EventDefinition, EvidenceInput } from '@orientir/contracts';
import { RoadmapEventTracker } from './roadmap-event.state';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2027, 2, 1);

const definition: EventDefinition = {
  cycleId: 'c-1',
  eventId: 'e-1',
  title: 'Методический десант',
  target: { kind: 'count', min: 2, document: null },
  occurrences: [
    { index: 0, label: 'февраль 2027 г.', opensAt: T0 - 28 * DAY, deadline: T0 - DAY },
    { index: 1, label: 'март 2027 г.', opensAt: T0, deadline: T0 + 30 * DAY },
    { index: 2, label: 'апрель 2027 г.', opensAt: T0 + 31 * DAY, deadline: T0 + 60 * DAY },
  ],
  awaitingSchedule: false,
  nudgeEveryDays: null,
  executorKeys: ['org:o-1'],
  perSchool: false,
  participantSchoolIds: ['s-1'],
  pipelineStage: null,
  pastPolicy: 'skip',
};

const record = (id: string, count: number): EvidenceInput => ({
  evidenceId: id,
  executorKey: 'org:o-1',
  executorName: 'МКУ «ИМЦРО»',
  organisationId: 'o-1',
  asCoordinator: false,
  recordedBy: null,
  recordedByName: null,
  occurrenceIndex: null,
  heldOn: null,
  heldOnStart: null,
  heldOnEnd: null,
  count,
  link: null,
  schoolIds: ['s-1'],
  comment: null,
  files: [],
  lateReason: null,
});

describe('RoadmapEventTracker snapshot (continue-as-new)', () => {
  it('restores exactly the state it had: evidence, skipped past, reminders sent, corrections and closing', () => {
    const tracker = new RoadmapEventTracker(definition, T0 + DAY, [7, 1]);
    const now = T0 + 10 * DAY;
    tracker.addEvidence(record('r-1', 1), 1);
    tracker.addEvidence(record('r-2', 1), 1);
    tracker.remove({ evidenceId: 'r-2', reason: 'Дубликат', by: null });
    tracker.setPipelineCoverage(['s-1']);
    for (const reminder of tracker.pendingReminders(now).filter((r) => r.dueAt <= now)) tracker.markSent(reminder);
    // Through JSON, as Temporal carries it.
    const carried = JSON.parse(JSON.stringify(tracker.snapshot())) as ReturnType<RoadmapEventTracker['snapshot']>;
    const restored = RoadmapEventTracker.restore(definition, carried);

    expect(restored.snapshot()).toEqual(tracker.snapshot());
    expect(restored.evaluate(now)).toEqual(tracker.evaluate(now));
    expect(restored.evaluate(now).occurrences.map((o) => o.status)).toEqual(['skipped', 'open', 'not_started']);
    expect(restored.pendingReminders(now)).toEqual(tracker.pendingReminders(now));
    expect(restored.nextWake(now)).toBe(tracker.nextWake(now));
    // The same record again is still known; a removed one stays removed.
    expect(restored.evidenceProblem(record('r-1', 1), now)).toBeNull();
    expect(restored.evidenceIds()).toEqual(['r-1', 'r-2']);

    tracker.close({ kind: 'close_early', reason: 'Выполнено', by: null }, now);
    const closed = RoadmapEventTracker.restore(definition, JSON.parse(JSON.stringify(tracker.snapshot())));
    expect(closed.closed).toBe(true);
    expect(closed.evaluate(now).status).toBe(tracker.evaluate(now).status);
    expect(closed.controlRecord()).toEqual(tracker.controlRecord());
  });
});
