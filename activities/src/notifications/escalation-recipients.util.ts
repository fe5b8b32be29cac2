// Who a coordinator step of a cycle's escalation chain reaches, for both the event and the school
// workflows' letters: the one place that turns «муниципальный координатор» into people.
import { log } from '@temporalio/activity';
import type { EscalationLevel } from '@orientir/domain';
import type { Addressee, SchoolYearPort } from '../activity.ports';
import { effectiveEscalationChain } from './notification-timing.activity';

/** Where an overdue item belongs: the municipality whose coordinators the municipal step tells. */
export interface EscalationPlace {
  /** The directory municipality; null when none is known (a regional organisation, an unmatched executor). */
  municipalityId: string | null;
  /** What it is, for the log: «school …», «executor …». */
  label: string;
}

/** A recipient with the level whose idempotency key its letter carries. */
export interface StepAddressee extends Addressee {
  level: EscalationLevel;
}

export type EscalationRecipientsPort = Pick<
  SchoolYearPort,
  'coordinatorAddressees' | 'regionalCoordinatorAddressees' | 'cycle'
>;

/**
 * The municipal step reaches the municipal coordinators of each place's municipality (a school's, an
 * executor organisation's). A place whose municipality has none (or that has no municipality) falls
 * back as the cycle's chain says: to the regional coordinators when the chain tells them after this
 * step, at once and under their own step's key, so their own step does not tell them twice; when the
 * chain has no later step, to nobody. Either way the log says why. The regional step reaches the
 * region's coordinators.
 */
export async function coordinatorStepAddressees(
  port: EscalationRecipientsPort,
  cycleId: string,
  level: Exclude<EscalationLevel, 'executor'>,
  places: readonly EscalationPlace[],
): Promise<StepAddressee[]> {
  const tagged = (list: Addressee[], as: EscalationLevel) => list.map((a) => ({ ...a, level: as }));
  if (level === 'regional_coordinator') return tagged(await port.regionalCoordinatorAddressees(), level);
  const found: StepAddressee[] = [];
  const uncovered: EscalationPlace[] = places.length ? [] : [{ municipalityId: null, label: 'no executor named' }];
  const byMunicipality = new Map<string, Addressee[]>();
  for (const place of places) {
    const id = place.municipalityId;
    if (id && !byMunicipality.has(id)) byMunicipality.set(id, await port.coordinatorAddressees(id));
    const coordinators = id ? (byMunicipality.get(id) ?? []) : [];
    if (coordinators.length) found.push(...tagged(coordinators, level));
    else uncovered.push(place);
  }
  if (!uncovered.length) return found;
  const chain = effectiveEscalationChain((await port.cycle(cycleId))?.escalationChain ?? null).map((s) => s.level);
  const later = chain.slice(chain.indexOf('municipal_coordinator') + 1);
  const why = {
    cycleId,
    without: uncovered.map((p) => `${p.label} (municipality ${p.municipalityId ?? 'unknown'})`),
  };
  if (later.includes('regional_coordinator')) {
    const regional = await port.regionalCoordinatorAddressees();
    log.warn(
      "No municipal coordinator for the overdue item's municipality: told the regional coordinators now, the chain's next step",
      { ...why, regionalCoordinators: regional.length },
    );
    return [...found, ...tagged(regional, 'regional_coordinator')];
  }
  log.warn(
    "No municipal coordinator for the overdue item's municipality and no later step in the cycle's chain: nobody told at this step",
    why,
  );
  return found;
}
