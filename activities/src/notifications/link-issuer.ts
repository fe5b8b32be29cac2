import { issueToken } from '@orientir/credentials';
import type { MagicLinkPort } from '../activity.ports';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An item link lives a month: long enough for a holiday, short enough that an old letter goes stale. */
export const ITEM_LINK_TTL_DAYS = 30;
/** The unsubscribe link must keep working for old letters (RFC 8058 expects it to). */
export const UNSUBSCRIBE_LINK_TTL_DAYS = 366;

export interface UnsubscribeLinks {
  /** For people: the page where they choose digest, instant or off. */
  pageUrl: string;
  /** For mail clients: List-Unsubscribe, answered by a POST without sign-in (RFC 8058). */
  postUrl: string;
}

/** Issues one-click links: a random token mailed once, stored only as its hash. */
export class LinkIssuer {
  constructor(
    private readonly links: MagicLinkPort,
    readonly publicUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  async eventLink(personId: string, cycleId: string, eventId: string): Promise<string> {
    return this.issue(personId, { purpose: 'event', cycleId, eventId }, ITEM_LINK_TTL_DAYS);
  }

  async schoolLink(personId: string, cycleId: string, schoolId: string): Promise<string> {
    return this.issue(personId, { purpose: 'school', cycleId, schoolId }, ITEM_LINK_TTL_DAYS);
  }

  async unsubscribeLinks(personId: string): Promise<UnsubscribeLinks> {
    const { token } = await this.create(personId, { purpose: 'unsubscribe', cycleId: null }, UNSUBSCRIBE_LINK_TTL_DAYS);
    const q = `token=${encodeURIComponent(token)}`;
    return {
      pageUrl: `${this.publicUrl}/unsubscribe?${q}`,
      postUrl: `${this.publicUrl}/api/notifications/unsubscribe?${q}`,
    };
  }

  /** The headers that give mail clients their one-click «Отписаться» button. */
  static unsubscribeHeaders(links: UnsubscribeLinks): Record<string, string> {
    return { 'List-Unsubscribe': `<${links.postUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  }

  private async issue(
    personId: string,
    target: { purpose: 'event' | 'school'; cycleId: string; eventId?: string; schoolId?: string },
    days: number,
  ): Promise<string> {
    const { token } = await this.create(personId, target, days);
    return `${this.publicUrl}/m/${encodeURIComponent(token)}`;
  }

  private async create(
    personId: string,
    target: {
      purpose: 'event' | 'school' | 'unsubscribe';
      cycleId: string | null;
      eventId?: string;
      schoolId?: string;
    },
    days: number,
  ): Promise<{ token: string }> {
    const issued = issueToken('link');
    await this.links.createMagicLink({
      tokenHash: issued.hash,
      personId,
      ...target,
      expiresAt: new Date(this.now() + days * DAY_MS),
    });
    return { token: issued.token };
  }
}
