import type { components } from '../../api/schema.gen';

export type EscalationStep = components['schemas']['EscalationStepDto'];
export type EscalationLevel = EscalationStep['level'];

export const ESCALATION_LEVELS: EscalationLevel[] = ['executor', 'municipal_coordinator', 'regional_coordinator'];

export const DEFAULT_CHAIN: EscalationStep[] = [
  { level: 'executor', afterWorkingDays: 1 },
  { level: 'municipal_coordinator', afterWorkingDays: 3 },
  { level: 'regional_coordinator', afterWorkingDays: 5 },
];

/** The next step to offer: the first level not in the chain yet, a couple of working days after the last. */
export function nextStep(chain: readonly EscalationStep[]): EscalationStep | null {
  const level = ESCALATION_LEVELS.find((l) => !chain.some((s) => s.level === l));
  if (!level) return null;
  return { level, afterWorkingDays: (chain.at(-1)?.afterWorkingDays ?? 0) + 2 };
}

/** Days as typed: a whole number, else NaN (the API names the step and field). */
export function parseDays(text: string): number {
  return /^\d{1,3}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}
