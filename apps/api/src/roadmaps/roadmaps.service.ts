import { Injectable } from '@nestjs/common';
import { planCycleFromRoadmap, scheduleRoadmapEvents, type CanonicalRoadmap } from '@orientir/domain';
import { RoadmapStore, type RoadmapEntity } from '@orientir/persistence';
import { exportRoadmap, importCanonical, parseCurators, parseRoadmap, parseSchools } from '@orientir/roadmap-import';
import { AuditService } from '../audit/audit.service';
import { validationFailed } from '../common/request.exception';
import { CyclesService } from '../cycles/cycles.service';
import type { Actor } from '../auth/principal.model';
import { RoadmapErrorCode, RoadmapException } from './roadmap.exception';
import type {
  CycleFromRoadmapDto,
  CycleFromRoadmapView,
  ImportOptionsDto,
  RoadmapPreview,
  RoadmapSummary,
  StoredRoadmap,
} from './dto';

export interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
}

export interface UploadedDocuments {
  file?: UploadedDocument[];
  participants?: UploadedDocument[];
}

@Injectable()
export class RoadmapsService {
  constructor(
    private readonly store: RoadmapStore,
    private readonly cycles: CyclesService,
    private readonly audit: AuditService,
  ) {}

  /** Parses the document and returns what was understood; stores nothing. */
  async preview(
    file: UploadedDocument | undefined,
    participants: UploadedDocument | undefined,
    options: ImportOptionsDto,
  ): Promise<RoadmapPreview> {
    if (!file) {
      throw validationFailed('Файл не передан: приложите документ в поле «file» (multipart/form-data)');
    }
    const fileName = decodeName(file);
    let roadmap = await parseRoadmap(
      { fileName, bytes: file.buffer },
      { year: options.year, timezone: options.timezone },
    );
    if (participants) roadmap = await withParticipants(roadmap, participants);
    return { roadmap: roadmap as unknown as Record<string, unknown>, fileName, stats: statsOf(roadmap) };
  }

  /** Validates the (possibly edited) preview against the canonical schema and stores it. */
  async confirm(body: unknown, fileName: string | undefined, actor: Actor): Promise<StoredRoadmap> {
    const roadmap = importCanonical(JSON.stringify(body ?? null));
    const stored = await this.store.save(roadmap, fileName ?? null);
    await this.audit.record(actor, {
      action: 'roadmap.create',
      outcome: 'success',
      targetType: 'roadmap',
      targetId: stored.id,
      details: { title: stored.title, fileName: fileName ?? null },
    });
    return toStored(stored);
  }

  async list(): Promise<RoadmapSummary[]> {
    return (await this.store.list()).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  async get(id: string): Promise<StoredRoadmap> {
    return toStored(await this.find(id));
  }

  async export(id: string, format: 'json' | 'yaml'): Promise<string> {
    return exportRoadmap((await this.find(id)).document, format);
  }

  /**
   * A cycle from a stored roadmap: dated events become event workflows, participants school
   * workflows. The coordinator may replace the schools and the time zone, and date undated events.
   */
  async createCycle(id: string, dto: CycleFromRoadmapDto, actor: Actor): Promise<CycleFromRoadmapView> {
    const stored = (await this.find(id)).document;
    const roadmap = { ...stored, timezone: dto.timezone ?? stored.timezone };
    const undated = new Set(scheduleRoadmapEvents(roadmap).undated.map((e) => e.number));
    const unknown = (dto.dates ?? []).map((d) => d.number.trim()).filter((n) => !undated.has(n));
    if (unknown.length) {
      throw validationFailed(
        'Даты можно назначить только мероприятиям без дат',
        unknown.map((n) => `dates: мероприятие № ${n} не найдено среди мероприятий без дат`),
      );
    }
    const plan = planCycleFromRoadmap(roadmap, dto.dates);
    if (plan.events.length === 0) {
      throw new RoadmapException(
        RoadmapErrorCode.NO_DATED_EVENTS,
        'В дорожной карте нет ни одного мероприятия с датами',
        plan.skipped.map((s) => `№ ${s.number}: ${s.reason}`),
      );
    }
    const { skipped: skippedEvents, ...cycle } = plan;
    const view = await this.cycles.create(
      {
        ...cycle,
        title: dto.title?.trim() || plan.title,
        municipality: dto.municipality,
        schools: dto.schools ?? cycle.schools,
      },
      actor,
    );
    return { ...view, skippedEvents };
  }

  private async find(id: string): Promise<RoadmapEntity> {
    const found = await this.store.find(id);
    if (!found) throw new RoadmapException(RoadmapErrorCode.NOT_FOUND, `Дорожная карта ${id} не найдена`);
    return found;
  }
}

/** multer decodes file names as latin1; Russian names need UTF-8. */
function decodeName(file: UploadedDocument): string {
  return Buffer.from(file.originalname, 'latin1').toString('utf8');
}

/** A separate schools/curators table replaces what the roadmap text listed; its warnings are marked. */
async function withParticipants(roadmap: CanonicalRoadmap, file: UploadedDocument): Promise<CanonicalRoadmap> {
  const input = { fileName: decodeName(file), bytes: file.buffer };
  const [{ schools, warnings: schoolWarnings }, { curators, warnings: curatorWarnings }] = await Promise.all([
    parseSchools(input),
    parseCurators(input),
  ]);
  const marked = [...schoolWarnings, ...curatorWarnings].map((w) => ({ ...w, row: `${input.fileName}: ${w.row}` }));
  return {
    ...roadmap,
    schools: schools.length ? schools : roadmap.schools,
    curators: curators.length ? curators : roadmap.curators,
    warnings: [...roadmap.warnings, ...marked],
  };
}

/** Below this the preview asks the coordinator to check the field (design: a few highlighted fields, never an error). */
const LOW_CONFIDENCE = 0.7;

function statsOf(r: CanonicalRoadmap): RoadmapPreview['stats'] {
  const stages: Record<string, number> = {};
  for (const e of r.events) if (e.stage) stages[e.stage] = (stages[e.stage] ?? 0) + 1;
  return {
    events: r.events.length,
    undatedEvents: r.events.filter((e) => !e.period.start).length,
    schools: r.schools.length,
    curators: r.curators.length,
    warnings: r.warnings.length,
    fieldsToCheck: r.events.reduce(
      (sum, e) => sum + Object.values(e.confidence ?? {}).filter((value) => value < LOW_CONFIDENCE).length,
      0,
    ),
    stages,
  };
}

function toStored(e: RoadmapEntity): StoredRoadmap {
  return {
    id: e.id,
    title: e.title,
    year: e.year,
    timezone: e.timezone,
    createdAt: e.createdAt.toISOString(),
    roadmap: e.document as unknown as Record<string, unknown>,
  };
}
