import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@orientir/config';
import { hashToken, issueToken, tokenKindOf } from '@orientir/credentials';
import { templatePreviews } from '@orientir/mail';
import { NotificationStore, type LiveMagicLink } from '@orientir/persistence';
import { AuditService } from '../audit/audit.service';
import { setSessionCookies } from '../auth/auth-cookies.util';
import { AuthErrorCode, AuthException } from '../auth/auth.exception';
import { AuthService, linkScopeOf } from '../auth/auth.service';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import { managedMunicipalityIds } from '../directory/directory-scope.util';
import type {
  LinkSessionView,
  OptedOutPersonView,
  PreferenceView,
  SetPreferenceDto,
  TemplatePreviewView,
} from './dto/notifications.dto';

/** A link session lives no longer than a working day, and never beyond its link. */
const LINK_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const MODE_MESSAGES = {
  digest: 'Письма будут приходить одной сводкой в рабочий день',
  instant: 'Письма будут приходить сразу по каждому пункту',
  off: 'Необязательные письма больше не придут; о просроченном мы сообщим',
} as const;

const invalidLink = () =>
  new AuthException(
    AuthErrorCode.INVALID_LINK,
    'Ссылка из письма недействительна: она устарела или отозвана. Откройте ссылку из последнего письма или войдите со своей учетной записью',
  );

@Injectable()
export class NotificationsService {
  constructor(
    private readonly store: NotificationStore,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Exchanges a one-click link for a session that opens only the link's item. */
  async redeem(token: string, actor: Actor, res: Response): Promise<LinkSessionView> {
    const link = await this.liveLink(token);
    if (!link || link.purpose === 'unsubscribe') {
      await this.audit.record(actor, { action: 'auth.link.redeem', outcome: 'failure' });
      throw invalidLink();
    }
    const session = issueToken('link_session');
    const csrf = issueToken('csrf');
    const expiresAt = new Date(Math.min(Date.now() + LINK_SESSION_TTL_MS, link.expiresAt.getTime()));
    const saved = await this.store.createLinkSession({
      magicLinkId: link.id,
      tokenHash: session.hash,
      csrfHash: csrf.hash,
      expiresAt,
    });
    setSessionCookies(res, {
      sessionToken: session.token,
      csrfToken: csrf.token,
      expiresAt,
      secure: this.config.api.publicUrl.startsWith('https:'),
    });
    const principal = await this.auth.authenticateLinkSession(saved.id, link);
    await this.audit.record(
      { ...actor, principal },
      { action: 'auth.link.redeem', outcome: 'success', targetType: 'magic_link', targetId: link.id },
    );
    const me = await this.auth.me({ ...actor, principal });
    const scope = linkScopeOf(link);
    return {
      user: me,
      link: me.link ?? (undefined as never),
      csrfToken: csrf.token,
      expiresAt: expiresAt.toISOString(),
      redirectTo:
        scope.purpose === 'event'
          ? `/cycles/${scope.cycleId}/events/${scope.eventId ?? ''}`
          : `/cycles/${scope.cycleId}/schools/${scope.schoolId ?? ''}`,
    };
  }

  /** RFC 8058 one-click unsubscribe: non-critical mail off, no sign-in; the link stays usable to change it back. */
  async unsubscribe(token: string, actor: Actor): Promise<PreferenceView> {
    return this.setPreference(token, { mode: 'off' }, actor, 'unsubscribe');
  }

  async preference(token: string): Promise<PreferenceView> {
    const link = await this.unsubscribeLink(token);
    const mode = await this.store.modeOf(link.person.id);
    return { holderName: link.person.fullName, mode, message: MODE_MESSAGES[mode] };
  }

  async setPreference(
    token: string,
    dto: SetPreferenceDto,
    actor: Actor,
    via: 'unsubscribe' | 'page' = 'page',
  ): Promise<PreferenceView> {
    const link = await this.unsubscribeLink(token);
    await this.store.setMode(link.person.id, dto.mode, via);
    await this.audit.record(actor, {
      action: 'notifications.preference',
      outcome: 'success',
      actorEmail: link.person.email,
      targetType: 'person',
      targetId: link.person.id,
      details: { mode: dto.mode, via },
    });
    return { holderName: link.person.fullName, mode: dto.mode, message: MODE_MESSAGES[dto.mode] };
  }

  /** Who turned non-critical mail off, within the coordinator's municipalities. */
  async optedOut(actor: Actor): Promise<OptedOutPersonView[]> {
    const municipalities = managedMunicipalityIds(requirePrincipal(actor).grants);
    const people = await this.store.optedOut(municipalities);
    return people.map((p) => ({
      personId: p.personId,
      fullName: p.fullName,
      email: p.email,
      organisationName: p.organisationName,
      changedVia: p.changedVia,
      since: p.updatedAt.toISOString(),
    }));
  }

  templates(): TemplatePreviewView[] {
    return templatePreviews(this.config.api.publicUrl).map((p) => ({
      id: p.id,
      title: p.title,
      when: p.when,
      subject: p.mail.subject,
      text: p.mail.text,
      html: p.mail.html,
      attachments: p.mail.attachments ?? [],
    }));
  }

  private async liveLink(token: string): Promise<LiveMagicLink | null> {
    return tokenKindOf(token) === 'link' ? this.store.findLiveLink(hashToken(token)) : null;
  }

  private async unsubscribeLink(token: string): Promise<LiveMagicLink> {
    const link = await this.liveLink(token);
    if (!link || link.purpose !== 'unsubscribe') throw invalidLink();
    return link;
  }
}
