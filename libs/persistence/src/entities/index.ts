import { ApiTokenEntity } from './api-token.entity';
import { AuditLogEntity } from './audit-log.entity';
import { CycleEntity } from './cycle.entity';
import { EventProgressEntity } from './event-progress.entity';
import { EventEvidenceEntity } from './event-evidence.entity';
import { MailOutboxEntity } from './mail-outbox.entity';
import { PasswordResetEntity } from './password-reset.entity';
import { RoleGrantEntity } from './role-grant.entity';
import { RoadmapEventEntity } from './roadmap-event.entity';
import { SchoolProgressEntity } from './school-progress.entity';
import { SchoolEntity } from './school.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import { RoadmapEntity } from './roadmap.entity';
import { CycleSchoolSettingsEntity, SchoolTimelineEntity } from './school-year.entity';
import { CycleLaunchEntity } from './cycle-launch.entity';
import { LinkSessionEntity, MagicLinkEntity, NotificationPreferenceEntity } from './notification.entity';
import { StoredFileEntity } from './stored-file.entity';
import {
  CuratorAssignmentEntity,
  DirectorySchoolEntity,
  EventAssigneeEntity,
  MunicipalityEntity,
  OrganisationAliasEntity,
  OrganisationEntity,
  PersonEntity,
  RegionEntity,
} from './directory.entity';

export {
  CuratorAssignmentEntity,
  DirectorySchoolEntity,
  EventAssigneeEntity,
  MunicipalityEntity,
  OrganisationAliasEntity,
  OrganisationEntity,
  PersonEntity,
  RegionEntity,
};

export { CycleSchoolSettingsEntity, SchoolTimelineEntity };
export type { CheckpointRhythm } from './school-year.entity';
export { RoadmapEntity, CycleLaunchEntity, StoredFileEntity };
export { LinkSessionEntity, MagicLinkEntity, NotificationPreferenceEntity };
export type { MagicLinkPurpose, NotificationMode } from './notification.entity';
export { CycleEntity, EventProgressEntity, MailOutboxEntity, RoadmapEventEntity, SchoolProgressEntity, SchoolEntity };
export type { EventExecutorRecord, EventScheduleWindow } from './roadmap-event.entity';
export { EventEvidenceEntity };
export type { OutboxAttachment, OutboxStatus } from './mail-outbox.entity';
export { ApiTokenEntity, AuditLogEntity, PasswordResetEntity, RoleGrantEntity, SessionEntity, UserEntity };
export type { AuditOutcome } from './audit-log.entity';

export const ENTITIES = [
  CycleEntity,
  SchoolEntity,
  RoadmapEventEntity,
  EventProgressEntity,
  EventEvidenceEntity,
  SchoolProgressEntity,
  MailOutboxEntity,
  UserEntity,
  RoleGrantEntity,
  SessionEntity,
  ApiTokenEntity,
  PasswordResetEntity,
  AuditLogEntity,
  RoadmapEntity,
  RegionEntity,
  MunicipalityEntity,
  DirectorySchoolEntity,
  OrganisationEntity,
  OrganisationAliasEntity,
  PersonEntity,
  CuratorAssignmentEntity,
  EventAssigneeEntity,
  SchoolTimelineEntity,
  CycleSchoolSettingsEntity,
  CycleLaunchEntity,
  MagicLinkEntity,
  LinkSessionEntity,
  NotificationPreferenceEntity,
  StoredFileEntity,
];
