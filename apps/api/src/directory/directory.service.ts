import { Injectable } from '@nestjs/common';
import {
  DirectoryStore,
  schoolReach,
  type DirectorySchoolEntity,
  type OrganisationEntity,
  type PersonEntity,
} from '@orientir/persistence';
import { AuditService } from '../audit/audit.service';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import { labelGrants } from '../auth/grant-scope.util';
import { DirectoryErrorCode, DirectoryException } from './directory.exception';
import { managedMunicipalityIds, mayManageNamedMunicipality } from './directory-scope.util';
import { outOfScope } from '../auth/auth.exception';
import {
  executorGroupLabel,
  executorGroupOf,
  matchQuestion,
  nameKey,
  normaliseMunicipality,
  type ExecutorGroup,
  type RoadmapSchool,
} from '@orientir/domain';
import type {
  DirectorySchoolView,
  ExecutorLinkDto,
  ExecutorLinkView,
  ExecutorMatchesDto,
  ExecutorMatchView,
  MunicipalityView,
  OrganisationView,
  PersonView,
  SchoolMatchesDto,
  SchoolMatchView,
} from './dto/directory.view';

/** Browsing the directory within the caller's municipalities, matching executor names, merging aliases by hand. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly directory: DirectoryStore,
    private readonly audit: AuditService,
  ) {}

  async municipalities(actor: Actor): Promise<MunicipalityView[]> {
    const scope = await this.scope(actor);
    return (await this.directory.listMunicipalities())
      .filter((m) => scope === null || scope.includes(m.id))
      .map((m) => ({ id: m.id, name: m.name }));
  }

  async schools(actor: Actor): Promise<DirectorySchoolView[]> {
    return (await this.directory.listSchools(await this.scope(actor))).map(toSchoolView);
  }

  async organisations(actor: Actor): Promise<OrganisationView[]> {
    const organisations = await this.directory.listOrganisations(await this.scope(actor));
    const aliases = await this.directory.aliasesOf(organisations.map((o) => o.id));
    return organisations.map((o) => ({
      id: o.id,
      municipalityId: o.municipalityId,
      name: o.name,
      kind: o.kind,
      aliases: aliases.get(o.id) ?? [],
    }));
  }

  async people(actor: Actor): Promise<PersonView[]> {
    const scope = await this.scope(actor);
    const organisations = scope === null ? null : (await this.directory.listOrganisations(scope)).map((o) => o.id);
    const people = await this.directory.listPeople(organisations);
    const userIds = people.map((p) => p.userId).filter((id): id is string => !!id);
    const [states, grants] = await Promise.all([
      this.directory.accountStates(userIds),
      this.directory.accountGrants(userIds),
    ]);
    // Every account's grants labelled in one lookup, then handed back to their accounts in order.
    const all = await labelGrants([...grants.values()].flat(), this.directory);
    const labelled = new Map<string, typeof all>();
    let next = 0;
    for (const [userId, g] of grants) {
      labelled.set(userId, all.slice(next, next + g.length));
      next += g.length;
    }
    return people.map((p) =>
      toPersonView(p, p.userId ? (states.get(p.userId) ?? 'none') : 'none', labelled.get(p.userId ?? '') ?? []),
    );
  }

  /**
   * The preview of a roadmap's executors: exact, by alias, a fuzzy guess to confirm, or none; a name
   * that stands for the cycle's schools or curators («руководители школ ШНОР», «кураторы ШНОР») is a
   * cycle group, counted over the cycle `dto.cycleId` names, else over the roadmap's annex schools.
   */
  async matchExecutors(
    dto: ExecutorMatchesDto,
    actor: Actor,
    participants?: { schools: readonly RoadmapSchool[] },
  ): Promise<ExecutorMatchView[]> {
    const municipality = dto.municipality ? await this.directory.findMunicipality(dto.municipality) : null;
    const names = [...new Set(dto.names.map((n) => n.trim()).filter(Boolean))];
    const groups = new Map(names.flatMap((name) => (executorGroupOf(name) ? [[name, executorGroupOf(name)!]] : [])));
    const reached = await this.groupReach(groups, dto.cycleId, municipality?.id ?? null, actor, participants);
    const matches = [];
    for (const name of names.filter((n) => !groups.has(n))) {
      matches.push({ name, found: await this.directory.matchOrganisation(municipality?.id ?? null, name) });
    }
    const linked = matches.flatMap(({ found }) =>
      found.kind === 'exact' || found.kind === 'alias' ? [found.organisation.id] : [],
    );
    const silent = await this.directory.organisationsWithoutAddressee(linked);
    const byName = new Map(matches.map((m) => [m.name, m.found]));
    return names.map((name): ExecutorMatchView => {
      const group = groups.get(name);
      if (group) {
        const recipients = reached.get(name) ?? null;
        return {
          name,
          match: 'group',
          organisationId: null,
          organisationName: null,
          question: null,
          addressee: recipients === 0 ? 'no_addressee' : 'ok',
          group: { kind: group.kind, label: executorGroupLabel(group), recipients },
        };
      }
      const found = byName.get(name)!;
      if (found.kind === 'none') {
        return {
          name,
          match: 'none',
          organisationId: null,
          organisationName: null,
          question: null,
          addressee: 'unmatched',
          group: null,
        };
      }
      const certain = found.kind !== 'fuzzy';
      return {
        name,
        match: found.kind,
        organisationId: found.organisation.id,
        organisationName: found.organisation.name,
        question: certain ? null : `«${name}» — это «${found.organisation.name}»?`,
        addressee: !certain ? 'unmatched' : silent.has(found.organisation.id) ? 'no_addressee' : 'ok',
        group: null,
      };
    });
  }

  /**
   * How many addresses each cycle group reaches: in the named cycle; else, for a school group, among
   * the annex's schools (their own e-mails and, for those the directory knows, its reach). Curators
   * are assigned once the cycle exists, so before it their number is unknown (null), as are the
   * schools of a roadmap without an annex (the launch page names them).
   */
  private async groupReach(
    groups: ReadonlyMap<string, ExecutorGroup>,
    cycleId: string | undefined,
    municipalityId: string | null,
    actor: Actor,
    participants?: { schools: readonly RoadmapSchool[] },
  ): Promise<Map<string, number | null>> {
    if (!groups.size) return new Map();
    if (cycleId) {
      await this.assertManagesCycle(cycleId, actor);
      const reached = await this.directory.cycleGroupRecipients(
        cycleId,
        [...groups.keys()].map((name) => ({ name })),
      );
      return new Map([...reached].map(([name, people]) => [name, people.length]));
    }
    const schools = participants?.schools ?? [];
    const matches = schools.length
      ? await this.directory.matchSchools(
          municipalityId,
          schools.map((s) => ({ fullName: s.name })),
        )
      : [];
    const ids = matches.map((m) => (m.kind === 'exact' || m.kind === 'alias' ? m.school.id : null));
    const reach = await schoolReach(this.directory.queryable, [...new Set(ids.filter((id) => id !== null))]);
    const counts = new Map<string, number | null>();
    for (const [name, group] of groups) {
      if (group.kind === 'curators' || !schools.length) {
        counts.set(name, null);
        continue;
      }
      const emails = schools.flatMap((s, i) =>
        group.categories.includes(s.category)
          ? [...s.emails, ...(reach.get(ids[i] ?? '') ?? []).map((r) => r.email)]
          : [],
      );
      counts.set(name, new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean)).size);
    }
    return counts;
  }

  /**
   * The launch page's schools against the directory, each within its municipality (the row's, else
   * the request's): exact, by a confirmed spelling, a guess to confirm, or new. Stores nothing.
   */
  async matchSchools(dto: SchoolMatchesDto, actor: Actor): Promise<SchoolMatchView[]> {
    const grants = requirePrincipal(actor).grants;
    const groups = new Map<string, { place: string | null; rows: number[] }>();
    for (const [i, s] of dto.schools.entries()) {
      const place = normaliseMunicipality(s.municipality) ?? normaliseMunicipality(dto.municipality) ?? null;
      const key = place ? nameKey(place) : '';
      const group = groups.get(key) ?? { place, rows: [] };
      group.rows.push(i);
      groups.set(key, group);
    }
    const views: SchoolMatchView[] = new Array(dto.schools.length);
    for (const { place, rows } of groups.values()) {
      if (!(await mayManageNamedMunicipality(grants, place, this.directory))) {
        throw outOfScope(place ? `школы муниципалитета «${place}»` : 'региональные школы');
      }
      const municipality = place ? await this.directory.findMunicipality(place) : null;
      const names = rows.map((i) => dto.schools[i].name.trim());
      const matches =
        place && !municipality
          ? names.map(() => ({ kind: 'none' }) as const)
          : await this.directory.matchSchools(
              municipality?.id ?? null,
              names.map((fullName) => ({ fullName })),
            );
      matches.forEach((match, j) => {
        const school = match.kind === 'none' ? null : match.school;
        views[rows[j]] = {
          name: names[j],
          municipality: municipality?.name ?? place,
          match: match.kind,
          directorySchoolId: school?.id ?? null,
          directorySchoolName: school?.fullName ?? null,
          question: match.kind === 'fuzzy' ? matchQuestion(names[j], match.school.fullName) : null,
        };
      });
    }
    return views;
  }

  /** Merging by hand: `alias` now names this organisation within its municipality. */
  async addAlias(organisationId: string, alias: string, actor: Actor): Promise<OrganisationView> {
    const organisation = await this.directory.findOrganisation(organisationId);
    if (!organisation) throw organisationNotFound(organisationId);
    await this.assertManages(organisation.municipalityId, actor, () => organisationNotFound(organisationId));
    const added = await this.directory.addAlias(organisationId, alias);
    if (typeof added === 'object') {
      throw new DirectoryException(
        DirectoryErrorCode.ALIAS_TAKEN,
        `«${alias.trim()}» уже означает организацию «${added.takenBy}» в этом муниципалитете`,
      );
    }
    await this.audit.record(actor, {
      action: 'directory.alias.add',
      outcome: 'success',
      targetType: 'organisation',
      targetId: organisationId,
      details: { alias: alias.trim(), result: added },
    });
    return this.organisationView(organisation);
  }

  /** Undoes a merge by hand (or a wrong confirmation): the spelling stops naming the organisation. */
  async removeAlias(organisationId: string, alias: string, actor: Actor): Promise<OrganisationView> {
    const organisation = await this.directory.findOrganisation(organisationId);
    if (!organisation) throw organisationNotFound(organisationId);
    await this.assertManages(organisation.municipalityId, actor, () => organisationNotFound(organisationId));
    if (!(await this.directory.removeAlias(organisationId, alias))) {
      throw new DirectoryException(
        DirectoryErrorCode.ALIAS_NOT_FOUND,
        `«${alias.trim()}» не записано как написание организации «${organisation.name}»`,
        [`alias: «${alias.trim()}» не найдено среди написаний`],
      );
    }
    await this.audit.record(actor, {
      action: 'directory.alias.remove',
      outcome: 'success',
      targetType: 'organisation',
      targetId: organisationId,
      details: { alias: alias.trim() },
    });
    return this.organisationView(organisation);
  }

  private async organisationView(o: OrganisationEntity): Promise<OrganisationView> {
    const aliases = await this.directory.aliasesOf([o.id]);
    return { id: o.id, municipalityId: o.municipalityId, name: o.name, kind: o.kind, aliases: aliases.get(o.id) ?? [] };
  }

  /**
   * Links an executor a cycle lists as unmatched (or wrongly matched) to an organisation: its events'
   * reminders go to that organisation's people from the next one on, and the name becomes an alias.
   */
  async linkCycleExecutor(dto: ExecutorLinkDto, actor: Actor): Promise<ExecutorLinkView> {
    const municipalityId = await this.assertManagesCycle(dto.cycleId, actor);
    const organisation = await this.directory.findOrganisation(dto.organisationId);
    const missing = () => organisationNotFound(dto.organisationId);
    if (!organisation) throw missing();
    // Another municipality's organisation is never an executor here (a regional one may be).
    if (organisation.municipalityId !== null && organisation.municipalityId !== municipalityId) throw missing();
    const linked = await this.directory.linkCycleExecutor(dto.cycleId, dto.name.trim(), organisation.id);
    if (typeof linked.alias === 'object') {
      throw new DirectoryException(
        DirectoryErrorCode.ALIAS_TAKEN,
        `«${dto.name.trim()}» уже означает организацию «${linked.alias.takenBy}» в этом муниципалитете`,
      );
    }
    if (linked.events === 0) {
      throw new DirectoryException(
        DirectoryErrorCode.EXECUTOR_NOT_FOUND,
        `В цикле нет исполнителя «${dto.name.trim()}»`,
        [`name: исполнитель «${dto.name.trim()}» не найден в мероприятиях цикла`],
      );
    }
    await this.audit.record(actor, {
      action: 'cycle.executor.link',
      outcome: 'success',
      targetType: 'cycle',
      targetId: dto.cycleId,
      details: { name: dto.name.trim(), organisationId: organisation.id, events: linked.events, alias: linked.alias },
    });
    return { events: linked.events, alias: linked.alias };
  }

  /** The cycle's municipality (null: regional) once the caller manages it; else 404 naming `cycleId`. */
  private async assertManagesCycle(cycleId: string, actor: Actor): Promise<string | null> {
    const municipalityId = await this.directory.municipalityOfCycle(cycleId);
    const notFound = () =>
      new DirectoryException(DirectoryErrorCode.CYCLE_NOT_FOUND, `Цикл ${cycleId} не найден`, [
        `cycleId: цикл ${cycleId} не найден`,
      ]);
    if (municipalityId === undefined) throw notFound();
    await this.assertManages(municipalityId, actor, notFound);
    return municipalityId;
  }

  /** Out of scope looks the same as absent: another municipality's entries are not revealed. */
  async assertManages(municipalityId: string | null, actor: Actor, notFound: () => DirectoryException): Promise<void> {
    const scope = await this.scope(actor);
    if (scope !== null && (municipalityId === null || !scope.includes(municipalityId))) throw notFound();
  }

  scope(actor: Actor): Promise<string[] | null> {
    return Promise.resolve(managedMunicipalityIds(requirePrincipal(actor).grants));
  }
}

export function organisationNotFound(id: string): DirectoryException {
  return new DirectoryException(DirectoryErrorCode.ORGANISATION_NOT_FOUND, `Организация ${id} не найдена`);
}

export function toPersonView(
  p: PersonEntity,
  account: PersonView['account'],
  grants: PersonView['grants'] = [],
): PersonView {
  return {
    id: p.id,
    fullName: p.fullName,
    position: p.position,
    email: p.email,
    phone: p.phone,
    organisationId: p.organisationId,
    userId: p.userId,
    account,
    grants,
    isContact: p.isContact,
    active: p.active,
  };
}

export function toSchoolView(s: DirectorySchoolEntity): DirectorySchoolView {
  return {
    id: s.id,
    municipalityId: s.municipalityId,
    fullName: s.fullName,
    shortName: s.shortName,
    officialCode: s.officialCode,
    director: s.director,
    email: s.email,
    address: s.address,
    active: s.active,
  };
}
