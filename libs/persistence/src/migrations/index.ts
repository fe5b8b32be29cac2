import { InitialSchema1795340000000 } from './1795340000000-initial-schema.migration';
import { Roadmaps1795350000000 } from './1795350000000-roadmaps.migration';
import { AccessControl1795360000000 } from './1795360000000-access-control.migration';
import { ScopeKeys1795375000000 } from './1795375000000-scope-keys.migration';
import { ProjectionAlerts1795376000000 } from './1795376000000-projection-alerts.migration';
import { Directory1795380000000 } from './1795380000000-directory.migration';
import { SchoolYear1795420000000 } from './1795420000000-school-year.migration';
import { Notifications1795460000000 } from './1795460000000-notifications.migration';
import { DirectoryGrantIds1795400000000 } from './1795400000000-directory-grant-ids.migration';
import { DirectoryActive1795400000001 } from './1795400000001-directory-active.migration';
import { CycleLaunches1795410000000 } from './1795410000000-cycle-launches.migration';
import { SchoolListReadModel1795410100000 } from './1795410100000-school-list-read-model.migration';
import { StoredFiles1795430000000 } from './1795430000000-stored-files.migration';
import { MailDelivery1795450000000 } from './1795450000000-mail-delivery.migration';
import { EventTracking1795440000000 } from './1795440000000-event-tracking.migration';
import { ProductionCalendar1795451000000 } from './1795451000000-production-calendar.migration';
import { StagedEvidenceFiles1795510000000 } from './1795510000000-staged-evidence-files.migration';
import { CycleEscalationChain1795520000000 } from './1795520000000-cycle-escalation-chain.migration';
import { NaturalSortCollation1795660000000 } from './1795660000000-natural-sort-collation.migration';
import { AssignedCuratorIndex1795500000000 } from './1795500000000-assigned-curator-index.migration';
import { AssignedReviewerIndex1795640000000 } from './1795640000000-assigned-reviewer-index.migration';

/** Every migration, in order. Adding one here is how the schema changes; `synchronize` is never used. */
export const MIGRATIONS = [
  InitialSchema1795340000000,
  Roadmaps1795350000000,
  AccessControl1795360000000,
  ScopeKeys1795375000000,
  ProjectionAlerts1795376000000,
  Directory1795380000000,
  DirectoryGrantIds1795400000000,
  DirectoryActive1795400000001,
  SchoolYear1795420000000,
  CycleLaunches1795410000000,
  SchoolListReadModel1795410100000,
  StoredFiles1795430000000,
  EventTracking1795440000000,
  MailDelivery1795450000000,
  ProductionCalendar1795451000000,
  Notifications1795460000000,
  AssignedCuratorIndex1795500000000,
  StagedEvidenceFiles1795510000000,
  CycleEscalationChain1795520000000,
  AssignedReviewerIndex1795640000000,
  NaturalSortCollation1795660000000,
];
