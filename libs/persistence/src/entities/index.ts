import { CycleEntity } from './cycle.entity';
import { EventProgressEntity } from './event-progress.entity';
import { MailOutboxEntity } from './mail-outbox.entity';
import { RoadmapEventEntity } from './roadmap-event.entity';
import { SchoolProgressEntity } from './school-progress.entity';
import { SchoolEntity } from './school.entity';

export { CycleEntity, EventProgressEntity, MailOutboxEntity, RoadmapEventEntity, SchoolProgressEntity, SchoolEntity };
export type { EventExecutorRecord } from './roadmap-event.entity';
export type { OutboxStatus } from './mail-outbox.entity';

export const ENTITIES = [
  CycleEntity,
  SchoolEntity,
  RoadmapEventEntity,
  EventProgressEntity,
  SchoolProgressEntity,
  MailOutboxEntity,
];
