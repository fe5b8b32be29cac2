import { planReminders } from './reminder-schedule.util';

const DAY = 24 * 60 * 60 * 1000;
const t0 = Date.UTC(2023, 4, 1);

describe('planReminders', () => {
  it('plans reminders N days before the deadline, earliest first', () => {
    const plan = planReminders({ opensAt: t0, deadline: t0 + 30 * DAY, daysBefore: [1, 7] });
    expect(plan).toEqual([
      { index: 0, daysBefore: 7, dueAt: t0 + 23 * DAY },
      { index: 1, daysBefore: 1, dueAt: t0 + 29 * DAY },
    ]);
  });

  it('moves a reminder that would precede the opening to the opening, once', () => {
    const plan = planReminders({ opensAt: t0, deadline: t0 + 3 * DAY, daysBefore: [14, 7, 1] });
    expect(plan.map((p) => p.dueAt)).toEqual([t0, t0 + 2 * DAY]);
    expect(plan.map((p) => p.index)).toEqual([0, 1]);
  });

  it('plans nothing when the deadline is not after the opening', () => {
    expect(planReminders({ opensAt: t0, deadline: t0, daysBefore: [7] })).toEqual([]);
  });

  it('ignores non-positive and repeated offsets', () => {
    const plan = planReminders({ opensAt: t0, deadline: t0 + 10 * DAY, daysBefore: [0, -2, 3, 3] });
    expect(plan).toEqual([{ index: 0, daysBefore: 3, dueAt: t0 + 7 * DAY }]);
  });
});
