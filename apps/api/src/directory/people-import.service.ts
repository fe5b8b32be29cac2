import { Injectable } from '@nestjs/common';
import { managesRegion, type RoleGrant } from '@orientir/auth';
import { directoryKey, matchQuestion, normaliseMunicipality } from '@orientir/domain';
import { DirectoryStore } from '@orientir/persistence';
import { parsePeople } from '@orientir/roadmap-import';
import { AuditService } from '../audit/audit.service';
import { outOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import { validationFailed } from '../common/request.exception';
import { DirectoryErrorCode, DirectoryException } from './directory.exception';
import { mayManageNamedMunicipality } from './directory-scope.util';
import type { UploadedTable } from './directory-import.service';
import type {
  ConfirmPeopleImportDto,
  ImportPersonRow,
  PeopleImportCounts,
  PeopleImportPreview,
  PeopleImportResult,
} from './dto/directory-import.dto';

/**
 * People (ФИО, должность, e-mail, телефон, организация) from an XLSX or CSV table. The preview stores
 * nothing and names every bad cell by row and column; confirming stores every row at once or none.
 * A person is matched by e-mail (else by name within the organisation), so a re-import updates the
 * known people and never duplicates them; organisations are matched within the municipality.
 */
@Injectable()
export class PeopleImportService {
  constructor(
    private readonly directory: DirectoryStore,
    private readonly audit: AuditService,
  ) {}

  async preview(
    file: UploadedTable | undefined,
    municipality: string | undefined,
    actor: Actor,
  ): Promise<PeopleImportPreview> {
    if (!file)
      throw validationFailed('Файл не передан: приложите таблицу XLSX или CSV в поле «file» (multipart/form-data)');
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const place = await this.place(municipality, actor);
    const { people, problems } = await parsePeople({ fileName, bytes: file.buffer });
    const rows: ImportPersonRow[] = [];
    for (const p of people) {
      const organisation = await this.directory.matchMunicipalOrganisation(place.id, p.organisation);
      const known = organisation.kind === 'exact' || organisation.kind === 'alias' ? organisation.organisation : null;
      const person = p.email ? await this.directory.findPersonByEmail(p.email) : null;
      const changed =
        !!person &&
        (person.fullName !== p.fullName ||
          (!!p.position && person.position !== p.position) ||
          (!!p.phone && person.phone !== p.phone) ||
          person.organisationId !== known?.id);
      rows.push({
        row: p.row,
        fullName: p.fullName,
        position: p.position,
        email: p.email,
        phone: p.phone,
        organisation: known?.name ?? p.organisation,
        status: !person ? 'new' : changed ? 'changed' : 'known',
        organisationStatus: known ? 'known' : 'new',
        organisationMatch: organisation.kind,
        matchedOrganisationId: organisation.kind === 'none' ? null : organisation.organisation.id,
        matchedOrganisationName: organisation.kind === 'none' ? null : organisation.organisation.name,
        organisationQuestion:
          organisation.kind === 'fuzzy' ? matchQuestion(p.organisation, organisation.organisation.name) : null,
      });
    }
    return { fileName, municipality: place.name, people: rows, problems };
  }

  async confirm(dto: ConfirmPeopleImportDto, actor: Actor): Promise<PeopleImportResult> {
    const place = await this.place(dto.municipality, actor);
    const emails = new Map<string, number>();
    const duplicates: string[] = [];
    dto.people.forEach((p, i) => {
      const email = p.email?.trim().toLowerCase();
      if (!email) return;
      const first = emails.get(email);
      if (first !== undefined) duplicates.push(`people[${i}].email: «${email}» уже в строке people[${first}]`);
      else emails.set(email, i);
    });
    if (duplicates.length) throw validationFailed('Один адрес электронной почты указан у нескольких людей', duplicates);
    await this.checkAnswers(dto, place.id);
    const counts = (): PeopleImportCounts => ({ people: 0, organisations: 0 });
    const result: PeopleImportResult = { created: counts(), updated: counts(), unchanged: counts() };
    const aliases: { target: string; alias: string }[] = [];
    await this.directory.transaction(async (m) => {
      const organisations = new Map<string, string>();
      for (const p of dto.people) {
        const key = directoryKey(p.organisation);
        let organisationId = p.organisationId ?? organisations.get(key);
        if (p.organisationId) {
          // The person said which organisation this spelling is: it becomes its alias.
          if ((await this.directory.addAlias(p.organisationId, p.organisation, m)) === 'added')
            aliases.push({ target: p.organisationId, alias: p.organisation.trim() });
        } else if (!organisationId) {
          const ensured = await this.directory.ensureOrganisation(place.id, p.organisation, m);
          (ensured.created ? result.created : result.unchanged).organisations += 1;
          organisationId = ensured.row.id;
          organisations.set(key, organisationId);
        }
        const person = await this.directory.ensurePerson(
          {
            fullName: p.fullName,
            position: p.position,
            email: p.email,
            phone: p.phone,
            organisationId: organisationId ?? null,
          },
          m,
          { overwrite: true },
        );
        (person.created ? result.created : person.updated ? result.updated : result.unchanged).people += 1;
      }
    });
    await this.audit.record(actor, {
      action: 'directory.people.import',
      outcome: 'success',
      targetType: 'directory',
      municipality: place.name,
      details: { ...result, aliases },
    });
    return result;
  }

  /**
   * A chosen organisation must exist in the import's municipality (or be regional): 400 naming the row.
   * An organisation merely like a known one, unanswered, is never added as a new one: 422 naming the row.
   */
  private async checkAnswers(dto: ConfirmPeopleImportDto, municipalityId: string | null): Promise<void> {
    const invalid: string[] = [];
    const unanswered: string[] = [];
    for (const [i, p] of dto.people.entries()) {
      if (p.organisationId) {
        const chosen = await this.directory.findOrganisation(p.organisationId);
        if (p.organisationAsNew)
          invalid.push(`people[${i}].organisationAsNew: новая организация или организация справочника — что-то одно`);
        else if (!chosen) invalid.push(`people[${i}].organisationId: организация ${p.organisationId} не найдена`);
        else if (chosen.municipalityId !== null && chosen.municipalityId !== municipalityId)
          invalid.push(`people[${i}].organisationId: «${chosen.name}» — организация другого муниципалитета`);
        continue;
      }
      if (p.organisationAsNew) continue;
      const match = await this.directory.matchMunicipalOrganisation(municipalityId, p.organisation);
      if (match.kind === 'fuzzy')
        unanswered.push(
          `people[${i}] «${p.fullName}»: организация «${p.organisation}» похожа на «${match.organisation.name}» — ответьте в предпросмотре: это она (organisationId) или новая (organisationAsNew: true)`,
        );
    }
    if (invalid.length) throw validationFailed('Некорректный выбор организации', invalid);
    if (unanswered.length)
      throw new DirectoryException(
        DirectoryErrorCode.INVALID_IMPORT_ROWS,
        'Люди не сохранены: ответьте в предпросмотре, те ли это организации справочника',
        unanswered,
      );
  }

  /**
   * The municipality the people's organisations belong to: the one named, else the caller's only one;
   * a regional caller naming none imports regional organisations (ministry, institute).
   */
  private async place(named: string | undefined, actor: Actor): Promise<{ id: string | null; name: string | null }> {
    const grants = requirePrincipal(actor).grants;
    const name = normaliseMunicipality(named) ?? (await this.onlyMunicipality(grants));
    if (!(await mayManageNamedMunicipality(grants, name, this.directory))) {
      throw outOfScope(name ? `муниципалитет «${name}»` : 'региональные организации (укажите поле municipality)');
    }
    if (!name) return { id: null, name: null };
    const row = managesRegion(grants)
      ? (await this.directory.ensureMunicipality(name)).row
      : await this.directory.findMunicipality(name);
    return { id: row?.id ?? null, name: row?.name ?? name };
  }

  private async onlyMunicipality(grants: readonly RoleGrant[]): Promise<string | null> {
    const ids = grants.filter((g) => g.role === 'municipal_coordinator' && g.scopeKind === 'municipality');
    if (ids.length !== 1 || !ids[0].scopeValue) return null;
    return (await this.directory.findMunicipalityById(ids[0].scopeValue))?.name ?? null;
  }
}
