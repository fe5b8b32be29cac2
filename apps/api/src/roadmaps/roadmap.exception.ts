import { DomainException } from '@orientir/domain';

/** Stored roadmaps (the import itself throws RoadmapImportException). */
export enum RoadmapErrorCode {
  NOT_FOUND = 'ROADMAP_NOT_FOUND',
  /** A cycle needs at least one event with dates. */
  NO_DATED_EVENTS = 'ROADMAP_WITHOUT_DATED_EVENTS',
}

export class RoadmapException extends DomainException<RoadmapErrorCode> {}
