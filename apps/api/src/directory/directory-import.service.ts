import { Injectable } from '@nestjs/common';
import { managesRegion } from '@orientir/auth';
import { directoryKey, matchQuestion, nameKey } from '@orientir/domain';
import { CycleStore, DirectoryConflictError, DirectoryStore, type SchoolMatch } from '@orientir/persistence';
import { parseCurators, parseSchools } from '@orientir/roadmap-import';
import { AuditService } from '../audit/audit.service';
import { outOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import { validationFailed } from '../common/request.exception';
import { DirectoryErrorCode, DirectoryException } from './directory.exception';
import { mayManageNamedMunicipality } from './directory-scope.util';
import type {
  ConfirmDirectoryImportDto,
  DirectoryImportPreview,
  DirectoryImportResult,
  ImportCounts,
  ImportCuratorRow,
  ImportProblem,
  ImportSchoolRow,
} from './dto/directory-import.dto';

export interface UploadedTable {
  originalname: string;
  buffer: Buffer;
}

const zero = (): ImportCounts => ({
  municipalities: 0,
  schools: 0,
  organisations: 0,
  people: 0,
  curatorAssignments: 0,
});

/**
 * Schools (with municipality and category) and curators from an XLSX/CSV table, read by the roadmap
 * importer's participant-table reader. The preview stores nothing; confirming stores every row at
 * once or none, and a row already known is matched, not duplicated.
 */
@Injectable()
export class DirectoryImportService {
  constructor(
    private readonly directory: DirectoryStore,
    private readonly cycles: CycleStore,
    private readonly audit: AuditService,
  ) {}

  async preview(
    file: UploadedTable | undefined,
    municipality: string | undefined,
    actor: Actor,
  ): Promise<DirectoryImportPreview> {
    if (!file)
      throw validationFailed('Файл не передан: приложите таблицу XLSX или CSV в поле «file» (multipart/form-data)');
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const input = { fileName, bytes: file.buffer };
    const [{ schools, warnings: schoolWarnings }, { curators, warnings: curatorWarnings }] = await Promise.all([
      parseSchools(input),
      parseCurators(input),
    ]);
    const problems: ImportProblem[] = [...schoolWarnings, ...curatorWarnings].map((w) => ({
      row: `${fileName}: строка ${w.row}`,
      message: w.message,
    }));
    const draft = {
      municipality: municipality?.trim() || undefined,
      schools: schools.map((s) => ({
        name: s.name,
        shortName: s.shortName,
        officialCode: s.officialCode,
        director: s.director,
        address: s.address,
        municipality: s.municipality ?? undefined,
        category: s.category,
        emails: s.emails,
      })),
      curators: curators.map((c) => ({
        name: c.name,
        position: c.position,
        workplace: c.workplace,
        email: c.email,
        schools: c.schools,
      })),
    };
    problems.push(...(await this.rowProblems(draft, actor)));
    const statuses = await this.statuses(draft);
    return {
      fileName,
      municipality: draft.municipality ?? null,
      schools: draft.schools.map((s, i) => ({ ...s, ...statuses.schools[i] })),
      curators: draft.curators.map((c, i) => ({ ...c, ...statuses.curators[i] })),
      problems,
    };
  }

  async confirm(dto: ConfirmDirectoryImportDto, actor: Actor): Promise<DirectoryImportResult> {
    const problems = await this.rowProblems(dto, actor);
    if (problems.some((p) => p.message.startsWith(OUT_OF_SCOPE))) {
      throw outOfScope(
        'строки другого муниципалитета',
        problems.map((p) => `${p.row}: ${p.message}`),
      );
    }
    if (problems.length) {
      throw new DirectoryException(
        DirectoryErrorCode.INVALID_IMPORT_ROWS,
        'Таблица не сохранена: исправьте строки',
        problems.map((p) => `${p.row}: ${p.message}`),
      );
    }
    const answers = await this.answerProblems(dto);
    if (answers.invalid.length) throw validationFailed('Некорректный выбор школы или организации', answers.invalid);
    if (answers.unanswered.length) {
      throw new DirectoryException(
        DirectoryErrorCode.INVALID_IMPORT_ROWS,
        'Таблица не сохранена: ответьте в предпросмотре, те ли это школы и организации справочника',
        answers.unanswered,
      );
    }
    if (dto.cycleId && !(await this.cycles.find(dto.cycleId))) {
      throw validationFailed(`Цикл ${dto.cycleId} не найден`, [`cycleId: цикл ${dto.cycleId} не найден`]);
    }
    const created = zero();
    const matched = zero();
    const updated = zero();
    const aliases: { target: string; alias: string }[] = [];
    const count = (kind: keyof ImportCounts, wasCreated: boolean, wasUpdated = false): void => {
      (wasCreated ? created : matched)[kind] += 1;
      if (wasUpdated) updated[kind] += 1;
    };
    await this.directory.transaction(async (m) => {
      const municipalities = new Map<string, string>();
      const municipalityId = async (name: string | undefined): Promise<string | null> => {
        const chosen = name?.trim() || dto.municipality?.trim();
        if (!chosen) return null;
        const key = nameKey(chosen);
        const known = municipalities.get(key);
        if (known) return known;
        const ensured = await this.directory.ensureMunicipality(chosen, m);
        count('municipalities', ensured.created);
        municipalities.set(key, ensured.row.id);
        return ensured.row.id;
      };
      const schoolIds = new Map<string, string>();
      for (const s of dto.schools) {
        const place = await municipalityId(s.municipality);
        // The table is the newer truth: a known school takes the fields it fills (re-import updates).
        const school = await this.directory
          .ensureSchool(
            {
              municipalityId: place,
              fullName: s.name,
              directorySchoolId: s.directorySchoolId,
              shortName: s.shortName,
              officialCode: s.officialCode,
              director: s.director,
              email: s.emails[0],
              address: s.address,
            },
            m,
            { overwrite: true },
          )
          .catch((error: unknown) => {
            if (error instanceof DirectoryConflictError)
              throw new DirectoryException(DirectoryErrorCode.DIRECTORY_VALUE_TAKEN, 'Таблица не сохранена', [
                `школа «${s.name}»: код «${s.officialCode ?? ''}» уже у другой школы справочника`,
              ]);
            throw error;
          });
        count('schools', school.created, school.updated);
        if (school.aliasAdded) aliases.push({ target: school.row.id, alias: school.aliasAdded });
        schoolIds.set(directoryKey(s.name), school.row.id);
        const organisation = await this.directory.ensureOrganisation(place, school.row.fullName, m, school.row.id);
        for (const email of s.emails) {
          count(
            'people',
            (await this.directory.ensurePerson({ fullName: email, email, organisationId: organisation.row.id }, m))
              .created,
          );
        }
      }
      for (const c of dto.curators) {
        const place = await municipalityId(undefined);
        let workplaceId: string | null = null;
        if (c.workplace?.trim() && c.workplaceOrganisationId) {
          // The person said which organisation this spelling is: it becomes its alias.
          if ((await this.directory.addAlias(c.workplaceOrganisationId, c.workplace, m)) === 'added')
            aliases.push({ target: c.workplaceOrganisationId, alias: c.workplace.trim() });
          count('organisations', false);
          workplaceId = c.workplaceOrganisationId;
        } else if (c.workplace?.trim()) {
          const workplace = await this.directory.ensureOrganisation(place, c.workplace, m);
          count('organisations', workplace.created);
          workplaceId = workplace.row.id;
        }
        const person = await this.directory.ensurePerson(
          { fullName: c.name, position: c.position, email: c.email, organisationId: workplaceId },
          m,
        );
        count('people', person.created);
        if (!dto.cycleId) continue;
        for (const name of c.schools) {
          const schoolId =
            schoolIds.get(directoryKey(name)) ??
            (await this.directory.findSchool({ municipalityId: place, fullName: name }, m))?.id;
          if (schoolId)
            count('curatorAssignments', await this.directory.assignCurator(dto.cycleId, person.row.id, schoolId, m));
        }
      }
    });
    await this.audit.record(actor, {
      action: 'directory.import',
      outcome: 'success',
      targetType: 'directory',
      municipality: dto.municipality ?? null,
      // Spellings a person confirmed in the preview, now aliases of these schools or organisations.
      details: { created, matched, updated, cycleId: dto.cycleId ?? null, aliases },
    });
    return { created, matched, updated };
  }

  /** Rows the caller may not store (another municipality) or that cannot be stored (no municipality). */
  private async rowProblems(
    dto: Pick<ConfirmDirectoryImportDto, 'municipality' | 'schools' | 'curators'>,
    actor: Actor,
  ): Promise<ImportProblem[]> {
    const grants = requirePrincipal(actor).grants;
    const problems: ImportProblem[] = [];
    const regional = managesRegion(grants);
    const inFile = new Set(dto.schools.map((s) => directoryKey(s.name)));
    for (const [i, s] of dto.schools.entries()) {
      const where = `школа ${i + 1} «${s.name}»`;
      const place = s.municipality?.trim() || dto.municipality?.trim() || null;
      if (!place && !regional)
        problems.push({
          row: where,
          message: 'не указан муниципалитет (столбец «Муниципалитет» или поле municipality)',
        });
      else if (!(await mayManageNamedMunicipality(grants, place, this.directory)))
        problems.push({ row: where, message: `${OUT_OF_SCOPE}: «${place ?? ''}»` });
    }
    dto.curators.forEach((c, i) => {
      if (!c.email)
        problems.push({
          row: `куратор ${i + 1} «${c.name}»`,
          message: 'нет адреса электронной почты: напоминания и приглашение не дойдут',
        });
      for (const school of c.schools) {
        if (!inFile.has(directoryKey(school))) {
          problems.push({
            row: `куратор ${i + 1} «${c.name}»`,
            message: `школа «${school}» не найдена в таблице школ`,
          });
        }
      }
    });
    return problems;
  }

  /**
   * The person's answers in the preview: a chosen school or organisation must exist in the row's
   * municipality (`invalid`, 400); a row like a known entry with no answer is never stored as a new
   * one (`unanswered`, 422), so no duplicate appears silently.
   */
  private async answerProblems(dto: ConfirmDirectoryImportDto): Promise<{ invalid: string[]; unanswered: string[] }> {
    const invalid: string[] = [];
    const unanswered: string[] = [];
    const ask = 'ответьте в предпросмотре';
    const matches = await this.schoolMatches(dto);
    for (const [i, s] of dto.schools.entries()) {
      const place = s.municipality?.trim() || dto.municipality?.trim();
      const municipality = place ? await this.directory.findMunicipality(place) : null;
      if (s.directorySchoolId) {
        const chosen = await this.directory.findSchoolById(s.directorySchoolId);
        if (s.asNew)
          invalid.push(`schools[${i}].asNew: новая школа или школа справочника (directorySchoolId) — что-то одно`);
        else if (!chosen)
          invalid.push(`schools[${i}].directorySchoolId: школа справочника ${s.directorySchoolId} не найдена`);
        else if (chosen.municipalityId !== (municipality?.id ?? null))
          invalid.push(
            `schools[${i}].directorySchoolId: «${chosen.fullName}» — школа другого муниципалитета, а строка «${s.name}» — «${place ?? 'без муниципалитета'}»`,
          );
        continue;
      }
      const match = matches[i];
      if (!s.asNew && match.kind === 'fuzzy')
        unanswered.push(
          `schools[${i}] «${s.name}»: похожа на «${match.school.fullName}» — ${ask}: это она (directorySchoolId) или новая школа (asNew: true)`,
        );
    }
    const place = dto.municipality?.trim();
    const municipality = place ? await this.directory.findMunicipality(place) : null;
    for (const [i, c] of dto.curators.entries()) {
      if (!c.workplace?.trim()) continue;
      if (c.workplaceOrganisationId) {
        const chosen = await this.directory.findOrganisation(c.workplaceOrganisationId);
        if (c.workplaceAsNew)
          invalid.push(`curators[${i}].workplaceAsNew: новая организация или организация справочника — что-то одно`);
        else if (!chosen)
          invalid.push(`curators[${i}].workplaceOrganisationId: организация ${c.workplaceOrganisationId} не найдена`);
        else if (chosen.municipalityId !== null && chosen.municipalityId !== (municipality?.id ?? null))
          invalid.push(`curators[${i}].workplaceOrganisationId: «${chosen.name}» — организация другого муниципалитета`);
        continue;
      }
      if (c.workplaceAsNew || (place && !municipality)) continue;
      const match = await this.directory.matchMunicipalOrganisation(municipality?.id ?? null, c.workplace);
      if (match.kind === 'fuzzy')
        unanswered.push(
          `curators[${i}] «${c.name}»: место работы «${c.workplace}» похоже на «${match.organisation.name}» — ${ask}: это оно (workplaceOrganisationId) или новая организация (workplaceAsNew: true)`,
        );
    }
    return { invalid, unanswered };
  }

  /**
   * Each school row's match within its municipality (the row's, else the import's), one directory read
   * per municipality; a municipality the directory lacks has nothing to match.
   */
  private async schoolMatches(
    dto: Pick<ConfirmDirectoryImportDto, 'municipality' | 'schools'>,
  ): Promise<SchoolMatch[]> {
    const groups = new Map<string, number[]>();
    dto.schools.forEach((s, i) => {
      const place = s.municipality?.trim() || dto.municipality?.trim() || '';
      groups.set(nameKey(place), [...(groups.get(nameKey(place)) ?? []), i]);
    });
    const matches: SchoolMatch[] = new Array(dto.schools.length);
    for (const rows of groups.values()) {
      const first = dto.schools[rows[0]];
      const place = first.municipality?.trim() || dto.municipality?.trim();
      const municipality = place ? await this.directory.findMunicipality(place) : null;
      const found =
        place && !municipality
          ? rows.map((): SchoolMatch => ({ kind: 'none' }))
          : await this.directory.matchSchools(
              municipality?.id ?? null,
              rows.map((i) => ({ fullName: dto.schools[i].name, officialCode: dto.schools[i].officialCode })),
            );
      rows.forEach((i, j) => (matches[i] = found[j]));
    }
    return matches;
  }

  /** Each row as the directory sees it: known, changed or new, and which entry it matched or resembles. */
  private async statuses(dto: Pick<ConfirmDirectoryImportDto, 'municipality' | 'schools' | 'curators'>) {
    const schools: Pick<ImportSchoolRow, 'status' | 'match' | 'matchedSchoolId' | 'matchedSchoolName' | 'question'>[] =
      [];
    const matches = await this.schoolMatches(dto);
    for (const [i, s] of dto.schools.entries()) {
      const match = matches[i];
      const known = match.kind === 'exact' || match.kind === 'alias' ? match.school : null;
      // A re-import that fills a field differently updates the school; the preview says so.
      const given = { ...s, email: s.emails[0]?.toLowerCase() };
      const changed =
        known &&
        (['shortName', 'officialCode', 'director', 'email', 'address'] as const).some(
          (field) => !!given[field]?.trim() && given[field]?.trim() !== known[field],
        );
      const matched = match.kind === 'none' ? null : match.school;
      schools.push({
        status: !known ? 'new' : changed ? 'changed' : 'known',
        match: match.kind,
        matchedSchoolId: matched?.id ?? null,
        matchedSchoolName: matched?.fullName ?? null,
        question: match.kind === 'fuzzy' ? matchQuestion(s.name, match.school.fullName) : null,
      });
    }
    const place = dto.municipality?.trim();
    const municipality = place ? await this.directory.findMunicipality(place) : null;
    const curators: Pick<
      ImportCuratorRow,
      'status' | 'workplaceMatch' | 'workplaceMatchedId' | 'workplaceMatchedName' | 'workplaceQuestion'
    >[] = [];
    for (const c of dto.curators) {
      const workplace =
        c.workplace?.trim() && (!place || municipality)
          ? await this.directory.matchMunicipalOrganisation(municipality?.id ?? null, c.workplace)
          : ({ kind: 'none' } as const);
      const organisation = workplace.kind === 'none' ? null : workplace.organisation;
      curators.push({
        status: c.email && (await this.directory.findPersonByEmail(c.email)) ? 'known' : 'new',
        workplaceMatch: c.workplace?.trim() ? workplace.kind : undefined,
        workplaceMatchedId: organisation?.id ?? null,
        workplaceMatchedName: organisation?.name ?? null,
        workplaceQuestion:
          workplace.kind === 'fuzzy' ? matchQuestion(c.workplace ?? '', workplace.organisation.name) : null,
      });
    }
    return { schools, curators };
  }
}

const OUT_OF_SCOPE = 'муниципалитет вне вашей области';
