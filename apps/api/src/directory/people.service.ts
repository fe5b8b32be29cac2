import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RoleGrant } from '@orientir/auth';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import { issueToken } from '@orientir/credentials';
import { MAIL_SENDER, renderInvitation, type MailSender } from '@orientir/mail';
import { CredentialStore, DirectoryStore, UserStore } from '@orientir/persistence';
import { AuditService } from '../audit/audit.service';
import { AuthErrorCode, AuthException } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import { resolveGrants } from '../auth/grant-scope.util';
import { DirectoryErrorCode, DirectoryException } from './directory.exception';
import { DirectoryService } from './directory.service';
import type { GrantDto } from '../auth/dto/create-user.dto';
import type { InvitationView } from './dto/directory.view';

/** An invitation link lives longer than a password reset: people read work mail once a day or two. */
const INVITATION_TTL_HOURS = 72;

/** Accounts of directory people: invitations, deactivation, grant changes; every change audited. */
@Injectable()
export class PeopleService {
  private readonly logger = new Logger(PeopleService.name);

  constructor(
    private readonly directory: DirectoryStore,
    private readonly scope: DirectoryService,
    private readonly users: UserStore,
    private readonly credentials: CredentialStore,
    private readonly audit: AuditService,
    @Inject(MAIL_SENDER) private readonly mail: MailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the account with the given grants and mails a single-use, expiring set-password link. */
  async invite(personId: string, grantDtos: GrantDto[], actor: Actor): Promise<InvitationView> {
    const person = await this.directory.findPerson(personId);
    if (!person) throw personNotFound(personId);
    const organisation = person.organisationId ? await this.directory.findOrganisation(person.organisationId) : null;
    await this.scope.assertManages(organisation?.municipalityId ?? null, actor, () => personNotFound(personId));
    if (!person.email) {
      throw new DirectoryException(
        DirectoryErrorCode.PERSON_WITHOUT_EMAIL,
        `У «${person.fullName}» нет адреса электронной почты: приглашение некуда отправить`,
      );
    }
    const grants = await this.checkedGrants(grantDtos, actor);
    if (await this.users.findByEmail(person.email)) {
      throw new AuthException(AuthErrorCode.EMAIL_TAKEN, `Учетная запись с адресом ${person.email} уже есть`);
    }
    const { user } = await this.users.create({
      email: person.email,
      displayName: person.fullName,
      passwordHash: null,
      grants,
    });
    await this.directory.linkPersonToUser(person.id, user.id);
    const issued = issueToken('reset');
    const expiresAt = new Date(Date.now() + INVITATION_TTL_HOURS * 3_600_000);
    const link = await this.credentials.createPasswordReset({ userId: user.id, tokenHash: issued.hash, expiresAt });
    const letter = renderInvitation({
      recipientName: person.fullName,
      invitedBy: requirePrincipal(actor).displayName,
      setPasswordUrl: `${this.config.api.publicUrl}/set-password?token=${encodeURIComponent(issued.token)}`,
      validHours: INVITATION_TTL_HOURS,
    });
    let outcome: 'success' | 'failure' = 'success';
    // Sent directly, not through the outbox: the outbox keeps bodies, and this body holds a live secret.
    try {
      await this.mail.send({ to: [person.email], ...letter, messageId: `<invitation-${link.id}@orientir>` });
    } catch (error) {
      outcome = 'failure';
      this.logger.error(
        `invitation mail for ${user.id} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    await this.audit.record(actor, {
      action: 'person.invite',
      outcome,
      targetType: 'user',
      targetId: user.id,
      details: { personId, grants, expiresAt: expiresAt.toISOString() },
    });
    return { userId: user.id, email: person.email, expiresAt: expiresAt.toISOString() };
  }

  /** Deactivation ends every session, API token and open link; sign-in is refused until reactivated. */
  async setActive(userId: string, isActive: boolean, actor: Actor): Promise<void> {
    await this.assertManagesUser(userId, actor);
    if (!(await this.users.setActive(userId, isActive))) throw userNotFound(userId);
    if (!isActive) await this.credentials.revokeAllCredentials(userId);
    await this.audit.record(actor, {
      action: isActive ? 'user.reactivate' : 'user.deactivate',
      outcome: 'success',
      targetType: 'user',
      targetId: userId,
    });
  }

  async replaceGrants(userId: string, grantDtos: GrantDto[], actor: Actor): Promise<RoleGrant[]> {
    const before = await this.assertManagesUser(userId, actor);
    const grants = await this.checkedGrants(grantDtos, actor);
    const after = (await this.users.update(userId, { grants }))?.grants ?? [];
    await this.audit.record(actor, {
      action: 'user.grants.change',
      outcome: 'success',
      targetType: 'user',
      targetId: userId,
      details: { before, after },
    });
    return after;
  }

  /**
   * Directory entries that exist, within what the caller manages: a municipal coordinator grants
   * only its own municipality's entries (and adds no municipality to the directory).
   */
  private async checkedGrants(dtos: GrantDto[], actor: Actor): Promise<RoleGrant[]> {
    const scope = await this.scope.scope(actor);
    const grants = await resolveGrants(dtos, this.directory, { addMunicipality: scope === null });
    const problems: string[] = [];
    for (const [i, g] of grants.entries()) {
      const municipality = await this.municipalityOf(g);
      if (scope !== null && (!municipality || !scope.includes(municipality))) {
        problems.push(`grants[${i}].scopeValue: вне вашей области ответственности`);
      }
    }
    if (problems.length) throw new AuthException(AuthErrorCode.INVALID_GRANT, 'Роли назначены неверно', problems);
    return grants;
  }

  /** The municipality (directory id) a grant's scope lies in; null: region-wide; undefined: names no directory entry. */
  private async municipalityOf(g: RoleGrant): Promise<string | null | undefined> {
    switch (g.scopeKind) {
      case 'global':
      case 'region':
        return null;
      case 'municipality':
        return (await this.directory.findMunicipalityById(g.scopeValue ?? ''))?.id;
      case 'school':
        return (await this.directory.findSchoolById(g.scopeValue ?? ''))?.municipalityId;
      case 'organisation':
        return (await this.directory.findOrganisation(g.scopeValue ?? ''))?.municipalityId;
      case 'event':
        return (await this.directory.municipalityOfEvent(g.scopeValue ?? '')) ?? undefined;
    }
  }

  /** A coordinator manages the accounts whose every grant lies in its municipalities. */
  private async assertManagesUser(userId: string, actor: Actor): Promise<RoleGrant[]> {
    const found = await this.users.findWithGrants(userId);
    if (!found) throw userNotFound(userId);
    const scope = await this.scope.scope(actor);
    if (scope === null) return found.grants;
    for (const g of found.grants) {
      const municipality = await this.municipalityOf(g);
      if (!municipality || !scope.includes(municipality)) throw userNotFound(userId);
    }
    return found.grants;
  }
}

function personNotFound(id: string): DirectoryException {
  return new DirectoryException(DirectoryErrorCode.PERSON_NOT_FOUND, `Человек ${id} не найден в справочнике`);
}

function userNotFound(id: string): DirectoryException {
  return new DirectoryException(DirectoryErrorCode.PERSON_NOT_FOUND, `Учетная запись ${id} не найдена`);
}
