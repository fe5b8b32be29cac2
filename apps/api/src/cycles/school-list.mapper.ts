import { schoolWorkflowId } from '@orientir/contracts';
import type { SchoolListPage } from '@orientir/persistence';
import {
  SCHOOL_LIST_STAGES,
  type MunicipalityCountView,
  type SchoolListView,
  type StageCountView,
} from './dto/school-list.dto';

/** The page as the API answers it: rows with their workflow, counts per stage and per municipality. */
export function toSchoolListView(
  cycleId: string,
  found: SchoolListPage,
  page: number,
  pageSize: number,
): SchoolListView {
  const byStage = new Map<string, StageCountView>();
  const byMunicipality = new Map<string | null, MunicipalityCountView>();
  for (const a of found.aggregates) {
    const stage = byStage.get(a.stage) ?? { stage: a.stage, schools: 0, overdue: 0 };
    stage.schools += a.schools;
    stage.overdue += a.overdue;
    byStage.set(a.stage, stage);
    const m = byMunicipality.get(a.municipality) ?? {
      municipality: a.municipality,
      schools: 0,
      overdue: 0,
      stages: [],
    };
    m.schools += a.schools;
    m.overdue += a.overdue;
    m.stages.push({ stage: a.stage, schools: a.schools, overdue: a.overdue });
    byMunicipality.set(a.municipality, m);
  }
  return {
    total: found.total,
    page,
    pageSize,
    items: found.items.map((r) => ({
      id: r.id,
      name: r.name,
      category: r.category,
      municipality: r.municipality,
      directorySchoolId: r.directorySchoolId,
      stage: r.stage,
      round: r.round,
      dueAt: r.dueAt?.toISOString() ?? null,
      overdue: r.overdue,
      updatedAt: r.updatedAt?.toISOString() ?? null,
      projectionError: r.projectionError,
      curators: r.curators,
      workflowId: schoolWorkflowId(cycleId, r.id),
    })),
    // Pipeline order, like the matrix columns (the store already orders each municipality's stages so).
    byStage: SCHOOL_LIST_STAGES.flatMap((stage) => byStage.get(stage) ?? []),
    byMunicipality: [...byMunicipality.values()],
  };
}
