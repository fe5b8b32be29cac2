import { Injectable } from '@nestjs/common';
import {
  DEFAULT_RISK_DIRECTIONS,
  directoryKey,
  SCHOOL_STAGE_TITLES_RU,
  type SchoolPipelineState,
} from '@orientir/domain';
import { SchoolYearStore, type CycleSchoolMatch } from '@orientir/persistence';
import { parseRiskProfiles, type RiskDirectionColumn } from '@orientir/roadmap-import';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/principal.model';
import { validationFailed } from '../common/request.exception';
import type { UploadedDocument } from '../roadmaps/roadmaps.service';
import type {
  ConfirmRiskProfileImportDto,
  RiskProfileImportOutcome,
  RiskProfileImportPreview,
  RiskProfileImportProblem,
  RiskProfileImportResult,
  RiskProfileImportRow,
} from './dto/risk-profile-import.dto';
import { SchoolYearService } from './school-year.service';
import { SchoolErrorCode, SchoolException } from './school.exception';

/** Updates in flight at once on confirm: enough to take 3,000 schools in a minute, few enough for one worker. */
const CONFIRM_CONCURRENCY = 8;

/**
 * Risk profiles of a running cycle's schools from an XLSX or CSV table. The preview stores nothing
 * and names each bad row and value; confirming sends each school's profile to its workflow through
 * the risk-profile Update (the workflow checks the stage and the coordinator). A school already past
 * «Рисковый профиль» with the same profile counts as unchanged, so a second confirm changes nothing.
 */
@Injectable()
export class RiskProfileImportService {
  constructor(
    private readonly store: SchoolYearStore,
    private readonly schools: SchoolYearService,
    private readonly audit: AuditService,
  ) {}

  async preview(cycleId: string, file: UploadedDocument | undefined, actor: Actor): Promise<RiskProfileImportPreview> {
    await this.schools.assertCycleAccess(cycleId, actor, true);
    if (!file) {
      throw validationFailed('Файл не передан: приложите таблицу XLSX или CSV в поле «file» (multipart/form-data)');
    }
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const directions = await this.directions(cycleId);
    const parsed = await parseRiskProfiles({ fileName, bytes: file.buffer }, directions);
    const schools = await this.store.cycleSchools(cycleId);
    const find = schoolFinder(schools);
    const problems: RiskProfileImportProblem[] = [...parsed.problems];
    const rows: RiskProfileImportRow[] = [];
    const seen = new Map<string, string>();
    for (const profile of parsed.profiles) {
      const where = `строка ${profile.row}`;
      const school = find(profile.schoolCode, profile.schoolName);
      const named = [profile.schoolName && `«${profile.schoolName}»`, profile.schoolCode && `код ${profile.schoolCode}`]
        .filter(Boolean)
        .join(', ');
      if (!school) {
        problems.push({ row: where, column: null, message: `школа ${named} не участвует в этом цикле` });
        continue;
      }
      const first = seen.get(school.schoolId);
      if (first) {
        problems.push({ row: where, column: null, message: `школа «${school.name}» уже указана в строке ${first}` });
        continue;
      }
      seen.set(school.schoolId, profile.row);
      rows.push({
        row: profile.row,
        schoolId: school.schoolId,
        schoolName: school.name,
        flaggedDirections: profile.flaggedDirections,
        ...rowStatus(school, profile.flaggedDirections),
      });
    }
    return {
      cycleId,
      fileName,
      directions,
      rows,
      problems,
      ignoredColumns: parsed.ignoredColumns,
      missingDirections: parsed.missingDirections,
    };
  }

  async confirm(cycleId: string, dto: ConfirmRiskProfileImportDto, actor: Actor): Promise<RiskProfileImportResult> {
    await this.schools.assertCycleAccess(cycleId, actor, true);
    const schools = new Map((await this.store.cycleSchools(cycleId)).map((s) => [s.schoolId, s]));
    const known = new Set((await this.directions(cycleId)).map((d) => d.id));
    const problems = dto.profiles.flatMap((p, i) => [
      ...(schools.has(p.schoolId) ? [] : [`profiles[${i}].schoolId: школа ${p.schoolId} не участвует в этом цикле`]),
      ...p.flaggedDirections
        .filter((id) => !known.has(id))
        .map((id) => `profiles[${i}].flaggedDirections: «${id}» — не направление рисков этого цикла`),
    ]);
    const ids = dto.profiles.map((p) => p.schoolId);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) problems.push(`profiles[${i}].schoolId: школа указана дважды`);
    });
    if (problems.length) throw validationFailed('Рисковые профили не применены: исправьте строки', problems);

    const results: RiskProfileImportOutcome[] = new Array(dto.profiles.length);
    let next = 0;
    const work = async () => {
      for (let i = next++; i < dto.profiles.length; i = next++) {
        const p = dto.profiles[i];
        results[i] = await this.applyOne(schools.get(p.schoolId) as CycleSchoolMatch, p.flaggedDirections, actor);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONFIRM_CONCURRENCY, dto.profiles.length) }, work));
    const count = (...outcomes: RiskProfileImportOutcome['outcome'][]) =>
      results.filter((r) => outcomes.includes(r.outcome)).length;
    const result = {
      applied: count('applied', 'stored_for_start'),
      unchanged: count('unchanged'),
      refused: count('refused'),
      results,
    };
    await this.audit.record(actor, {
      action: 'cycle.risk_profiles.import',
      outcome: 'success',
      targetType: 'cycle',
      targetId: cycleId,
      municipality: null,
      details: { applied: result.applied, unchanged: result.unchanged, refused: result.refused },
    });
    return result;
  }

  /** One school: unchanged when it already has this profile past the stage, else the workflow's Update. */
  private async applyOne(school: CycleSchoolMatch, flagged: string[], actor: Actor): Promise<RiskProfileImportOutcome> {
    const base = { schoolId: school.schoolId, schoolName: school.name, message: null };
    const status = rowStatus(school, flagged);
    if (status.status === 'unchanged') return { ...base, outcome: 'unchanged' };
    try {
      await this.schools.act(school.schoolId, actor, 'setRiskProfile', { flaggedDirections: flagged });
      return { ...base, outcome: 'applied' };
    } catch (error) {
      if (error instanceof SchoolException && error.code === SchoolErrorCode.NOT_RUNNING && !school.stage) {
        // Not started yet: the workflow reads the profile at its start and begins at self-diagnosis.
        await this.store.setFlaggedDirections(school.schoolId, flagged);
        return { ...base, outcome: 'stored_for_start' };
      }
      if (error instanceof SchoolException) return { ...base, outcome: 'refused', message: error.message };
      throw error;
    }
  }

  private async directions(cycleId: string): Promise<RiskDirectionColumn[]> {
    const settings = await this.store.settings(cycleId);
    return (settings?.riskDirections ?? DEFAULT_RISK_DIRECTIONS).map((d) => ({ id: d.id, title: d.title }));
  }
}

/** Finds a cycle's school by code (digits compared), else by its name, directory name or short name. */
function schoolFinder(schools: CycleSchoolMatch[]) {
  const digits = (text: string) => text.replace(/\D/g, '');
  const byCode = new Map<string, CycleSchoolMatch>();
  const byName = new Map<string, CycleSchoolMatch>();
  for (const s of schools) {
    if (s.officialCode && digits(s.officialCode)) byCode.set(digits(s.officialCode), s);
    for (const name of [s.name, s.fullName, s.shortName]) {
      if (name && !byName.has(directoryKey(name))) byName.set(directoryKey(name), s);
    }
  }
  return (code: string | null, name: string): CycleSchoolMatch | null =>
    (code && byCode.get(digits(code))) || (name && byName.get(directoryKey(name))) || null;
}

function sameSet(a: readonly string[] | null, b: readonly string[]): boolean {
  return !!a && a.length === b.length && b.every((x) => a.includes(x));
}

function rowStatus(school: CycleSchoolMatch, flagged: string[]): Pick<RiskProfileImportRow, 'status' | 'reason'> {
  const stage = school.stage as SchoolPipelineState | null;
  if (!stage || stage === 'risk_profile') return { status: 'apply', reason: null };
  if (sameSet(school.flaggedDirections, flagged)) return { status: 'unchanged', reason: null };
  if (stage === 'withdrawn') return { status: 'refused', reason: 'школа выбыла из цикла' };
  return {
    status: 'refused',
    reason: `школа уже на этапе «${SCHOOL_STAGE_TITLES_RU[stage] ?? stage}» с другим профилем: профиль меняется только на этапе «Рисковый профиль»`,
  };
}
