import { evaluateEvent, forecastMisses, type EventFacts, type EvidenceFact } from './event-status.util';
import { applyPastPolicy, pastAtLaunch } from './past-at-launch.util';
import { schoolCategoriesOfExecutor, schoolExecutorCategories } from './school-executors.util';

const DAY = 24 * 60 * 60 * 1000;
const month = (i: number) => ({ index: i, label: `m${i}`, opensAt: i * 30 * DAY, deadline: (i + 1) * 30 * DAY - 1 });

function facts(over: Partial<EventFacts> = {}): EventFacts {
  return {
    target: { kind: 'count', min: 2, document: null },
    occurrences: [month(0), month(1)],
    awaitingSchedule: false,
    participantSchoolIds: ['a', 'b', 'c', 'd'],
    pipelineCoveredSchoolIds: [],
    evidence: [],
    verdicts: [],
    control: { cancelled: false, closedEarlyAt: null, finalized: false },
    ...over,
  };
}
const ev = (id: string, occurrenceIndex: number, over: Partial<EvidenceFact> = {}): EvidenceFact => ({
  id,
  occurrenceIndex,
  count: null,
  schoolIds: [],
  files: 0,
  removed: false,
  ...over,
});

describe('evaluateEvent', () => {
  it('is not started before the first window and open inside it', () => {
    expect(evaluateEvent(facts({ occurrences: [month(1)] }), 0).status).toBe('not_started');
    expect(evaluateEvent(facts(), 5 * DAY).status).toBe('open');
  });

  it('evaluates a monthly count month by month: met, then overdue for the month that fell short', () => {
    const f = facts({ evidence: [ev('1', 0), ev('2', 0), ev('3', 1)] });
    const midSecond = evaluateEvent(f, 40 * DAY);
    expect(midSecond.occurrences.map((o) => o.status)).toEqual(['met', 'open']);
    expect(midSecond.status).toBe('open');
    const after = evaluateEvent(f, 61 * DAY);
    expect(after.occurrences.map((o) => [o.status, o.achieved, o.target])).toEqual([
      ['met', 2, 2],
      ['overdue', 1, 2],
    ]);
    expect(after.status).toBe('overdue');
    expect(evaluateEvent({ ...f, control: { ...f.control, finalized: true } }, 61 * DAY).status).toBe('not_met');
  });

  it('never calls a met event overdue after its deadline', () => {
    const f = facts({ evidence: [ev('1', 0, { count: 2 }), ev('2', 1, { count: 5 })] });
    expect(evaluateEvent(f, 200 * DAY).status).toBe('met');
    expect(evaluateEvent(f, 200 * DAY).progressPercent).toBe(100);
  });

  it('forecasts «под угрозой» from the progress so far, only once half the window has passed', () => {
    const f = facts({
      target: { kind: 'count', min: 10, document: null },
      occurrences: [month(0)],
      evidence: [ev('1', 0, { count: 3 })],
    });
    expect(evaluateEvent(f, 10 * DAY).status).toBe('open');
    expect(evaluateEvent(f, 20 * DAY).status).toBe('at_risk'); // 3 in 2/3 of the window → 4.5 forecast
    const onTrack = facts({ ...f, evidence: [ev('1', 0, { count: 8 })] });
    expect(evaluateEvent(onTrack, 20 * DAY).status).toBe('open');
  });

  it('puts a document indicator at risk in its last week', () => {
    expect(forecastMisses('document', 0, 1, { opensAt: 0, deadline: 30 * DAY }, 20 * DAY)).toBe(false);
    expect(forecastMisses('document', 0, 1, { opensAt: 0, deadline: 30 * DAY }, 25 * DAY)).toBe(true);
  });

  it('counts coverage over the participant schools, from evidence and from the school workflows', () => {
    const f = facts({
      target: { kind: 'coverage', min: 100, document: null },
      occurrences: [month(0)],
      evidence: [ev('1', 0, { schoolIds: ['a', 'b', 'zz'] })],
    });
    expect(evaluateEvent(f, 5 * DAY).occurrences[0]).toMatchObject({ achieved: 50, coveredSchools: 2 });
    const withPipeline = { ...f, pipelineCoveredSchoolIds: ['c', 'd'] };
    expect(evaluateEvent(withPipeline, 5 * DAY).status).toBe('met');
  });

  it('needs a file for a document indicator and a coordinator verdict for a text one', () => {
    const doc = facts({
      target: { kind: 'document', min: 1, document: 'справка' },
      occurrences: [month(0)],
      evidence: [ev('1', 0)],
    });
    expect(evaluateEvent(doc, 5 * DAY).status).toBe('open');
    expect(evaluateEvent({ ...doc, evidence: [ev('1', 0, { files: 1 })] }, 5 * DAY).status).toBe('met');
    const text = facts({ target: { kind: 'text', min: 1, document: null }, occurrences: [month(0)] });
    expect(evaluateEvent({ ...text, verdicts: [{ occurrenceIndex: 0, met: true, comment: '' }] }, 5 * DAY).status).toBe(
      'met',
    );
    expect(
      evaluateEvent({ ...text, verdicts: [{ occurrenceIndex: 0, met: false, comment: 'нет' }] }, 5 * DAY).status,
    ).toBe('not_met');
  });

  it('ignores removed evidence', () => {
    const f = facts({ occurrences: [month(0)], evidence: [ev('1', 0, { count: 5, removed: true })] });
    expect(evaluateEvent(f, 31 * DAY).status).toBe('overdue');
  });

  it('honours cancel, close early and «ожидает графика»', () => {
    expect(
      evaluateEvent(facts({ control: { cancelled: true, closedEarlyAt: null, finalized: true } }), 5 * DAY).status,
    ).toBe('cancelled');
    const closed = evaluateEvent(
      facts({ control: { cancelled: false, closedEarlyAt: 5 * DAY, finalized: true } }),
      6 * DAY,
    );
    expect(closed.status).toBe('closed_early');
    expect(closed.occurrences.map((o) => o.status)).toEqual(['closed_early', 'closed_early']);
    expect(evaluateEvent(facts({ occurrences: [], awaitingSchedule: true }), 0).status).toBe('awaiting_schedule');
  });
});

describe('past at launch', () => {
  it('lists past occurrences and skips them only when the coordinator chose to', () => {
    const all = [month(0), month(1), month(2)];
    expect(pastAtLaunch(all, 45 * DAY).map((o) => o.index)).toEqual([0]);
    const skipped = applyPastPolicy(all, 45 * DAY, 'skip');
    expect(skipped.map((o) => Boolean(o.skipped))).toEqual([true, false, false]);
    const f = facts({ occurrences: skipped, evidence: [ev('1', 1, { count: 2 }), ev('2', 2, { count: 2 })] });
    expect(evaluateEvent(f, 100 * DAY).status).toBe('met');
    const late = facts({ occurrences: applyPastPolicy(all, 45 * DAY, 'late') });
    expect(evaluateEvent(late, 45 * DAY).occurrences[0].status).toBe('overdue');
  });
});

describe('schools as executors', () => {
  it.each([
    ['Управленческие команды ШНОР', ['shnor']],
    ['ОО', ['shnor', 'risk_zone', 'shnsu']],
    ['руководители ОО', ['shnor', 'risk_zone', 'shnsu']],
    ['школы зоны риска', ['risk_zone']],
    ['ДО г. Иркутска', null],
    ['МКУ «ИМЦРО»', null],
  ])('%s → %j', (name, expected) => {
    expect(schoolCategoriesOfExecutor(name)).toEqual(expected);
  });

  it('is per-school when any executor is a school group', () => {
    expect(schoolExecutorCategories(['ДО г. Иркутска', 'Управленческие команды ШНОР'])).toEqual(['shnor']);
    expect(schoolExecutorCategories(['ДО г. Иркутска'])).toBeNull();
  });
});
