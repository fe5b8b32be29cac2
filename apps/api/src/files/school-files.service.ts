import { Injectable, type OnModuleInit } from '@nestjs/common';
import { cycleAccess, schoolMunicipality } from '@orientir/auth';
import { schoolActorRoles } from '@orientir/domain';
import { DOCUMENT_FILE_POLICY, FilesService, type StoredFile } from '@orientir/files';
import { CycleStore, type StoredCycle } from '@orientir/persistence';
import { AuditService } from '../audit/audit.service';
import { hiddenOutOfScope, outOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import { CycleErrorCode, CycleException } from '../cycles/cycle.exception';
import { cycleFacts } from '../cycles/cycle-view.mapper';
import { validationFailed } from '../common/request.exception';
import { FileAccessService } from './file-access.service';
import type { StagedUpload } from './file-upload.interceptor';

/** Files of a cycle school (concept documents and their versions): owner kind `school`, owner id the school row. */
export const SCHOOL_FILE_OWNER = 'school';

/**
 * A school's documents: its school team (and the coordinator over it) uploads them; whoever may read
 * the school (its team, curator, coordinators over it, supervisors) may read them.
 */
@Injectable()
export class SchoolFilesService implements OnModuleInit {
  constructor(
    private readonly files: FilesService,
    private readonly cycles: CycleStore,
    private readonly access: FileAccessService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.access.register(SCHOOL_FILE_OWNER, async (schoolId, actor) => {
      const cycleId = await this.cycles.cycleIdOfSchool(schoolId);
      const stored = cycleId ? await this.cycles.find(cycleId) : null;
      return !!stored && cycleAccess(requirePrincipal(actor).grants, cycleFacts(stored)).schoolIds.has(schoolId);
    });
  }

  async upload(
    cycleId: string,
    schoolId: string,
    upload: StagedUpload | undefined,
    purpose: string | undefined,
    actor: Actor,
  ): Promise<StoredFile> {
    if (!upload) throw validationFailed('Приложите файл в поле «file» (multipart/form-data)', ['file: нет файла']);
    const { stored, school } = await this.readableSchool(cycleId, schoolId, actor);
    // The school team uploads its documents, evidence and report; a coordinator may upload for it.
    const roles = schoolActorRoles(requirePrincipal(actor).grants, {
      schoolId: school.id,
      directorySchoolId: school.directorySchoolId,
      municipalityId: schoolMunicipality(stored.cycle, school),
    });
    if (!roles.schoolTeam && !roles.coordinator) {
      throw outOfScope('загрузка документов этой школы');
    }
    const file = await this.files.accept(
      upload.staged,
      {
        ownerKind: SCHOOL_FILE_OWNER,
        ownerId: school.id,
        purpose: purpose ?? null,
        originalName: upload.originalName,
        uploadedBy: requirePrincipal(actor).userId,
      },
      DOCUMENT_FILE_POLICY,
    );
    await this.audit.record(actor, {
      action: 'school.file.upload',
      outcome: 'success',
      targetType: 'school',
      targetId: school.id,
      municipality: school.municipality ?? stored.cycle.municipality,
      details: { cycleId, fileId: file.id, sha256: file.sha256, size: file.size, purpose: file.purpose },
    });
    return file;
  }

  async list(cycleId: string, schoolId: string, purpose: string | undefined, actor: Actor): Promise<StoredFile[]> {
    const { school } = await this.readableSchool(cycleId, schoolId, actor);
    return this.files.listByOwner(SCHOOL_FILE_OWNER, school.id, purpose);
  }

  /** Outside the caller's scope, neither the cycle nor the school shows (404, recorded as a denial). */
  private async readableSchool(cycleId: string, schoolId: string, actor: Actor) {
    const stored: StoredCycle | null = await this.cycles.find(cycleId);
    const cycleNotFound = () => new CycleException(CycleErrorCode.NOT_FOUND, `Цикл ${cycleId} не найден`);
    if (!stored) throw cycleNotFound();
    const access = cycleAccess(requirePrincipal(actor).grants, cycleFacts(stored));
    if (!access.read) throw hiddenOutOfScope(cycleNotFound());
    const school = stored.schools.find((s) => s.id === schoolId);
    const schoolNotFound = () =>
      new CycleException(CycleErrorCode.SCHOOL_NOT_FOUND, `Школа ${schoolId} не найдена в цикле ${cycleId}`);
    if (!school) throw schoolNotFound();
    if (!access.schoolIds.has(school.id)) throw hiddenOutOfScope(schoolNotFound());
    return { stored, school };
  }
}
