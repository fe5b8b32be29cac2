import { Injectable } from '@nestjs/common';
import {
  DirectoryConflictError,
  DirectoryStore,
  type DirectorySchoolEntity,
  type PersonEntity,
  type PersonPatch,
  type SchoolPatch,
} from '@orientir/persistence';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/principal.model';
import { DirectoryErrorCode, DirectoryException } from './directory.exception';
import { DirectoryService, toPersonView, toSchoolView } from './directory.service';
import { labelGrants } from '../auth/grant-scope.util';
import { PeopleService } from './people.service';
import type { UpdateDirectorySchoolDto, UpdatePersonDto } from './dto/directory-edit.dto';
import type { DirectorySchoolView, PersonView } from './dto/directory.view';

const FIELD_TITLES: Record<DirectoryConflictError['field'], string> = {
  fullName: 'школа с таким наименованием уже есть в этом муниципалитете',
  officialCode: 'этот код (ИНН / ФИС ФРДО / ФИОКО) уже у другой школы',
  email: 'этот адрес электронной почты уже у другого человека',
};

/** Editing and deactivating directory schools and people, within the caller's municipalities; every change audited. */
@Injectable()
export class DirectoryEditService {
  constructor(
    private readonly directory: DirectoryStore,
    private readonly scope: DirectoryService,
    private readonly audit: AuditService,
    private readonly accounts: PeopleService,
  ) {}

  async updateSchool(id: string, dto: UpdateDirectorySchoolDto, actor: Actor): Promise<DirectorySchoolView> {
    const before = await this.directory.findSchoolById(id);
    if (!before) throw schoolNotFound(id);
    await this.scope.assertManages(before.municipalityId, actor, () => schoolNotFound(id));
    if (dto.municipalityId !== undefined && dto.municipalityId !== before.municipalityId) {
      const target = await this.directory.findMunicipalityById(dto.municipalityId);
      const missing = () =>
        new DirectoryException(DirectoryErrorCode.MUNICIPALITY_NOT_FOUND, 'Муниципалитет не найден', [
          `municipalityId: муниципалитет ${dto.municipalityId} не найден в справочнике`,
        ]);
      if (!target) throw missing();
      await this.scope.assertManages(target.id, actor, missing);
    }
    const patch: SchoolPatch = {
      ...(dto.fullName !== undefined && { fullName: dto.fullName.trim() }),
      ...optionalText(dto, ['shortName', 'officialCode', 'director', 'address']),
      ...(dto.email !== undefined && { email: dto.email?.trim().toLowerCase() || null }),
      ...(dto.municipalityId !== undefined && { municipalityId: dto.municipalityId }),
      ...(dto.active !== undefined && { active: dto.active }),
    };
    const after = await this.directory.updateSchool(id, patch).catch(conflict);
    await this.audit.record(actor, {
      action: dto.active === false ? 'directory.school.deactivate' : 'directory.school.update',
      outcome: 'success',
      targetType: 'directory_school',
      targetId: id,
      municipality: (await this.municipalityName(after.municipalityId)) ?? null,
      details: changes(before, after, Object.keys(patch) as (keyof DirectorySchoolEntity)[]),
    });
    return toSchoolView(after);
  }

  async updatePerson(id: string, dto: UpdatePersonDto, actor: Actor): Promise<PersonView> {
    const before = await this.directory.findPerson(id);
    if (!before) throw personNotFound(id);
    await this.scope.assertManages(await this.municipalityOfOrganisation(before.organisationId), actor, () =>
      personNotFound(id),
    );
    if (dto.organisationId !== undefined && dto.organisationId !== before.organisationId) {
      const missing = () =>
        new DirectoryException(DirectoryErrorCode.ORGANISATION_NOT_FOUND, 'Организация не найдена', [
          `organisationId: организация ${dto.organisationId} не найдена в справочнике`,
        ]);
      const target = await this.directory.findOrganisation(dto.organisationId);
      if (!target) throw missing();
      await this.scope.assertManages(target.municipalityId, actor, missing);
    }
    const patch: PersonPatch = {
      ...(dto.fullName !== undefined && { fullName: dto.fullName.trim() }),
      ...optionalText(dto, ['position', 'phone']),
      ...(dto.email !== undefined && { email: dto.email?.trim().toLowerCase() || null }),
      ...(dto.organisationId !== undefined && { organisationId: dto.organisationId }),
      ...(dto.isContact !== undefined && { isContact: dto.isContact }),
      ...(dto.active !== undefined && { active: dto.active }),
    };
    const after = await this.directory.updatePerson(id, patch).catch(conflict);
    await this.audit.record(actor, {
      action: dto.active === false ? 'directory.person.deactivate' : 'directory.person.update',
      outcome: 'success',
      targetType: 'person',
      targetId: id,
      municipality: await this.municipalityName(await this.municipalityOfOrganisation(after.organisationId)),
      details: changes(before, after, Object.keys(patch) as (keyof PersonEntity)[]),
    });
    if (!after.userId) return toPersonView(after, 'none');
    // Someone who left keeps no access: their account ends with their place in the directory.
    if (dto.active === false && before.active) await this.accounts.setActive(after.userId, false, actor);
    const [states, grants] = await Promise.all([
      this.directory.accountStates([after.userId]),
      this.directory.accountGrants([after.userId]),
    ]);
    return toPersonView(
      after,
      states.get(after.userId) ?? 'none',
      await labelGrants(grants.get(after.userId) ?? [], this.directory),
    );
  }

  private async municipalityOfOrganisation(organisationId: string | null): Promise<string | null> {
    return organisationId ? ((await this.directory.findOrganisation(organisationId))?.municipalityId ?? null) : null;
  }

  private async municipalityName(id: string | null): Promise<string | null> {
    return id ? ((await this.directory.findMunicipalityById(id))?.name ?? null) : null;
  }
}

/** Optional text fields: trimmed, and empty or null clears them. */
function optionalText<T extends object, K extends keyof T & string>(
  dto: T,
  fields: K[],
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const field of fields) {
    const value = dto[field] as unknown as string | null | undefined;
    if (value !== undefined) out[field] = value?.trim() || null;
  }
  return out;
}

/** What an edit changed, before and after, for the audit log. */
function changes<T extends object>(before: T, after: T, fields: (keyof T)[]): Record<string, unknown> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of fields) {
    if (before[field] !== after[field]) out[String(field)] = { before: before[field], after: after[field] };
  }
  return out;
}

function conflict(error: unknown): never {
  if (error instanceof DirectoryConflictError) {
    throw new DirectoryException(DirectoryErrorCode.DIRECTORY_VALUE_TAKEN, 'Значение уже занято', [
      `${error.field}: ${FIELD_TITLES[error.field]}`,
    ]);
  }
  throw error;
}

export function schoolNotFound(id: string): DirectoryException {
  return new DirectoryException(DirectoryErrorCode.SCHOOL_NOT_FOUND, `Школа ${id} не найдена в справочнике`);
}

function personNotFound(id: string): DirectoryException {
  return new DirectoryException(DirectoryErrorCode.PERSON_NOT_FOUND, `Человек ${id} не найден в справочнике`);
}
