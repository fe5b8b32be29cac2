import { Injectable } from '@nestjs/common';
import { managesRegion, roadmapAccess, roadmapOwner } from '@orientir/auth';
import {
  normaliseMunicipality,
  pastEventsAtLaunch,
  planCycleFromRoadmap,
  scheduleRoadmapEvents,
  type CanonicalRoadmap,
} from '@orientir/domain';
import { DirectoryStore, RoadmapStore, type RoadmapEntity } from '@orientir/persistence';
import { exportRoadmap, importCanonical } from '@orientir/roadmap-import';
import { RoadmapParserService } from './roadmap-parser.service';
import { storedRoadmapProblems } from './stored-roadmap.validator';
import { capProblems } from '../common/payload-guards.util';
import { validateAs } from '../common/validation.pipe';
import { CreateCycleDto } from '../cycles/dto/create-cycle.dto';
import { AuditService } from '../audit/audit.service';
import { DirectoryService } from '../directory/directory.service';
import { validationFailed } from '../common/request.exception';
import { CyclesService } from '../cycles/cycles.service';
import { hiddenOutOfScope, outOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import { RoadmapErrorCode, RoadmapException } from './roadmap.exception';
import type {
  CycleFromRoadmapDto,
  CycleFromRoadmapView,
  ImportOptionsDto,
  LaunchPreviewView,
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
    private readonly parser: RoadmapParserService,
    private readonly directory: DirectoryService,
    private readonly places: DirectoryStore,
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
    // Parsed in a worker thread: a heavy upload never stalls the API's event loop.
    const roadmap = await this.parser.parse({
      file: { fileName, bytes: file.buffer },
      participants: participants && { fileName: decodeName(participants), bytes: participants.buffer },
      options: { year: options.year, timezone: options.timezone },
    });
    return { roadmap: roadmap as unknown as Record<string, unknown>, fileName, stats: statsOf(roadmap) };
  }

  /**
   * Validates the (possibly edited) preview against the canonical schema and stores it, owned by
   * the named municipality or the caller's own (a region-wide caller may store a regional one).
   */
  async confirm(
    body: unknown,
    query: { fileName?: string; municipality?: string },
    actor: Actor,
  ): Promise<StoredRoadmap> {
    const grants = requirePrincipal(actor).grants;
    const named = normaliseMunicipality(query.municipality);
    // Grants name directory ids: the named municipality is looked up (a regional caller may add a new one).
    const namedId = named
      ? managesRegion(grants)
        ? (await this.places.ensureMunicipality(named)).row.id
        : ((await this.places.findMunicipality(named))?.id ?? null)
      : null;
    if (named && !namedId) throw outOfScope(`муниципалитет «${named}»`);
    const owner = roadmapOwner(grants, namedId);
    if (!owner.allowed) {
      throw outOfScope(
        named ? `муниципалитет «${named}»` : 'региональная дорожная карта (укажите параметр municipality)',
      );
    }
    const ownerRow = owner.owner ? await this.places.findMunicipalityById(owner.owner) : null;
    const roadmap = importCanonical(JSON.stringify(body ?? null));
    const problems = storedRoadmapProblems(roadmap);
    if (problems.length) throw validationFailed('Дорожная карта содержит ошибки', capProblems(problems));
    const saved = await this.store.save(
      roadmap,
      query.fileName ?? null,
      ownerRow && { id: ownerRow.id, name: ownerRow.name },
    );
    await this.audit.record(actor, {
      action: 'roadmap.create',
      outcome: 'success',
      targetType: 'roadmap',
      targetId: saved.id,
      municipality: saved.municipality,
      details: { title: saved.title, events: roadmap.events.length, fileName: saved.sourceFileName },
    });
    return toStored(saved);
  }

  /** The roadmaps the caller may read, newest first. */
  async list(actor: Actor): Promise<RoadmapSummary[]> {
    const grants = requirePrincipal(actor).grants;
    return (await this.store.list())
      .filter((r) => roadmapAccess(grants, r.municipalityId).read)
      .map(({ municipalityId: _, ...r }) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  /** With its executors matched to directory organisations: unmatched ones stay listed until someone links them. */
  async get(id: string, actor: Actor): Promise<StoredRoadmap> {
    const found = await this.find(id, actor);
    const names = [...new Set(found.document.events.flatMap((e) => e.executors))];
    const executors = names.length
      ? await this.directory.matchExecutors({ municipality: found.municipality ?? undefined, names }, actor, {
          schools: found.document.schools,
        })
      : [];
    return { ...toStored(found), executors };
  }

  /**
   * What the launch page asks the coordinator about: events whose occurrences are already past now,
   * split and judged in the given zone exactly as the event workflow will, and where «skip» starts.
   */
  async launchPreview(id: string, timezone: string | undefined, actor: Actor): Promise<LaunchPreviewView> {
    const stored = await this.find(id, actor);
    const zone = timezone ?? stored.document.timezone;
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      timezone: zone,
      evaluatedAt: iso(now),
      pastEvents: pastEventsAtLaunch({ events: stored.document.events, timezone: zone }, now).map(
        ({ event, pastOccurrences, wholly, nextOccurrence: next }) => ({
          number: event.number,
          sourceRow: event.sourceRow,
          title: event.title,
          periodText: event.period.text,
          start: event.period.start!,
          end: event.period.end!,
          pastOccurrences,
          wholly,
          nextOccurrence: next && {
            index: next.index,
            label: next.label,
            opensAt: iso(next.opensAt),
            deadline: iso(next.deadline),
          },
        }),
      ),
    };
  }

  async export(id: string, format: 'json' | 'yaml', actor: Actor): Promise<string> {
    return exportRoadmap((await this.find(id, actor)).document, format);
  }

  /**
   * A cycle from a stored roadmap: dated events become event workflows, participants school
   * workflows. The coordinator may replace the schools and the time zone, and date undated events.
   */
  async createCycle(id: string, dto: CycleFromRoadmapDto, actor: Actor): Promise<CycleFromRoadmapView> {
    const stored = await this.find(id, actor);
    if (!roadmapAccess(requirePrincipal(actor).grants, stored.municipalityId).manage) {
      throw outOfScope('создание цикла по этой дорожной карте');
    }
    const roadmap = { ...stored.document, timezone: dto.timezone ?? stored.document.timezone };
    // Roadmaps stored before these checks existed are checked again, so a bad one answers 400, not 500.
    const problems = storedRoadmapProblems(roadmap);
    if (problems.length) throw validationFailed('Дорожная карта содержит ошибки', capProblems(problems));
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
      throw new RoadmapException(RoadmapErrorCode.NO_DATED_EVENTS, 'В дорожной карте нет ни одного мероприятия');
    }
    const { awaitingSchedule: awaitingScheduleEvents, ...cycle } = plan;
    const choices = new Map((dto.pastEventChoices ?? []).map((c) => [c.number.trim(), c.policy]));
    const strangers = [...choices.keys()].filter((n) => !plan.events.some((e) => e.sourceNumber === n));
    if (strangers.length) {
      throw validationFailed(
        'Выбор для прошедших мероприятий назван для мероприятия, которого нет в дорожной карте',
        strangers.map((n) => `pastEventChoices: мероприятие № ${n} не найдено`),
      );
    }
    // The same field rules as POST /api/cycles (lengths, e-mails, year), then the same service.
    const confirmed = new Map((dto.executors ?? []).map((x) => [x.name.trim(), x]));
    const payload = await validateAs(CreateCycleDto, {
      ...cycle,
      events: cycle.events.map(({ details: _details, awaitingSchedule: _awaiting, sourceNumber: _source, ...e }) => ({
        ...e,
        executors: e.executors.map((x) => ({ ...x, organisationId: confirmed.get(x.name.trim())?.organisationId })),
      })),
      title: dto.title?.trim() || plan.title,
      municipality: dto.municipality ?? stored.municipality ?? undefined,
      schools: dto.schools ?? cycle.schools,
      escalationChain: dto.escalationChain,
      schoolYear: dto.schoolYear,
    });
    const view = await this.cycles.create(payload, actor, {
      details: cycle.events.map((e) => e.details),
      pastPolicies: cycle.events.map((e) => choices.get(e.sourceNumber) ?? dto.pastEvents ?? 'late'),
    });
    await this.audit.record(actor, {
      action: 'roadmap.cycle.create',
      outcome: 'success',
      targetType: 'roadmap',
      targetId: id,
      municipality: view.municipality,
      details: { cycleId: view.id, awaitingSchedule: awaitingScheduleEvents.length },
    });
    return { ...view, awaitingScheduleEvents };
  }

  /** Outside the caller's scope a roadmap looks as if it did not exist. */
  private async find(id: string, actor: Actor): Promise<RoadmapEntity> {
    const found = await this.store.find(id);
    const notFound = () => new RoadmapException(RoadmapErrorCode.NOT_FOUND, `Дорожная карта ${id} не найдена`);
    if (!found) throw notFound();
    if (!roadmapAccess(requirePrincipal(actor).grants, found.municipalityId).read) throw hiddenOutOfScope(notFound());
    return found;
  }
}

/** multer decodes file names as latin1; Russian names need UTF-8. */
function decodeName(file: UploadedDocument): string {
  return Buffer.from(file.originalname, 'latin1').toString('utf8');
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
    municipality: e.municipality,
    createdAt: e.createdAt.toISOString(),
    roadmap: e.document as unknown as Record<string, unknown>,
  };
}
