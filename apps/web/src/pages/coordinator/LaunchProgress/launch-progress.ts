// Launch progress derived from the read model: a workflow has started once it has projected its state.
import type { Schemas } from '../../../api/client';

export interface LaunchProgressState {
  total: number;
  reported: number;
  percent: number;
  pending: { kind: 'school' | 'event'; id: string; name: string }[];
}

export function launchProgress(cycle: Schemas['CycleView']): LaunchProgressState {
  const pending = [
    ...cycle.schools.filter((s) => !s.updatedAt).map((s) => ({ kind: 'school' as const, id: s.id, name: s.name })),
    ...cycle.events
      .filter((e) => !e.updatedAt)
      .map((e) => ({ kind: 'event' as const, id: e.id, name: `№ ${e.number}. ${e.title}` })),
  ];
  const total = cycle.schools.length + cycle.events.length;
  const reported = total - pending.length;
  return { total, reported, percent: total ? Math.floor((reported / total) * 100) : 100, pending };
}
