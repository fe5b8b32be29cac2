import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import {
  LinkSessionEntity,
  MagicLinkEntity,
  NotificationPreferenceEntity,
  type MagicLinkPurpose,
  type NotificationMode,
} from '../entities';
import { cycleGroupRecipients, executorGroups } from './executor-group-recipients.util';

export interface NewMagicLink {
  tokenHash: string;
  personId: string;
  purpose: MagicLinkPurpose;
  cycleId: string | null;
  eventId?: string | null;
  schoolId?: string | null;
  expiresAt: Date;
}

/** A live link with what its page says: whose it is and what it opens. */
export interface LiveMagicLink {
  id: string;
  purpose: MagicLinkPurpose;
  expiresAt: Date;
  person: { id: string; fullName: string; email: string | null; userId: string | null };
  cycle: { id: string; title: string; timezone: string } | null;
  event: { id: string; number: string; title: string } | null;
  school: { id: string; name: string; directorySchoolId: string | null } | null;
}

/** Open events of one time zone due by $2 ($1 the zone, $3 the actionable statuses), for the digest. */
const DIGEST_EVENTS = `
  SELECT e.id, e.cycle_id, e.number, e.title, e.deadline, e.executors, c.title AS cycle_title,
         e.indicator->>'text' AS indicator, e.report_form, COALESCE(p.status, 'scheduled') AS status
    FROM roadmap_events e JOIN cycles c ON c.id = e.cycle_id
    LEFT JOIN event_progress p ON p.event_id = e.id
   WHERE c.timezone = $1 AND COALESCE(p.status, 'scheduled') = ANY($3::text[]) AND e.deadline <= $2`;

interface DigestEventRow {
  person_id: string;
  cycle_id: string;
  cycle_title: string;
  event_id: string;
  number: string;
  title: string;
  deadline: Date;
  status: string;
  indicator: string | null;
  report_form: string | null;
}

/** One line of a digest: an event due soon or overdue, or a school awaiting the person's review. */
export interface DigestItemRow {
  personId: string;
  kind: 'event' | 'review';
  cycleId: string;
  cycleTitle: string;
  eventId: string | null;
  eventNumber: string | null;
  title: string;
  deadline: Date | null;
  status: string;
  schoolId: string | null;
  round: number | null;
  indicator: string | null;
  reportForm: string | null;
}

export interface DigestRecipientRow {
  id: string;
  fullName: string;
  email: string;
  mode: NotificationMode;
}

export interface OptedOutPerson {
  personId: string;
  fullName: string;
  email: string | null;
  organisationName: string | null;
  mode: NotificationMode;
  changedVia: 'unsubscribe' | 'page' | 'coordinator';
  updatedAt: Date;
}

/** Event statuses where something is still expected of the executor. */
const ACTIONABLE_EVENT_STATUSES = ['open', 'overdue', 'at_risk'];

/** One-click links, link sessions, notification preferences and the digest's reading of the read model. */
@Injectable()
export class NotificationStore {
  constructor(private readonly dataSource: DataSource) {}

  async createMagicLink(link: NewMagicLink): Promise<MagicLinkEntity> {
    const repo = this.dataSource.getRepository(MagicLinkEntity);
    return repo.save(
      repo.create({ ...link, eventId: link.eventId ?? null, schoolId: link.schoolId ?? null, revokedAt: null }),
    );
  }

  /** The link if it is neither expired nor revoked, with its holder and item; notes its use. */
  async findLiveLink(tokenHash: string): Promise<LiveMagicLink | null> {
    const rows = (await this.dataSource.query(
      `UPDATE magic_links m SET last_used_at = now()
        WHERE m.token_hash = $1 AND m.revoked_at IS NULL AND m.expires_at > now()
        RETURNING m.id`,
      [tokenHash],
    )) as unknown;
    const id = firstId(rows);
    return id ? this.describeLink(id) : null;
  }

  async describeLink(id: string): Promise<LiveMagicLink | null> {
    const [row] = (await this.dataSource.query(
      `SELECT m.id, m.purpose, m.expires_at,
              p.id AS person_id, p.full_name, p.email, p.user_id,
              c.id AS cycle_id, c.title AS cycle_title, c.timezone,
              e.id AS event_id, e.number AS event_number, e.title AS event_title,
              s.id AS school_id, s.name AS school_name, s.directory_school_id
         FROM magic_links m JOIN people p ON p.id = m.person_id
         LEFT JOIN cycles c ON c.id = m.cycle_id
         LEFT JOIN roadmap_events e ON e.id = m.event_id
         LEFT JOIN schools s ON s.id = m.school_id
        WHERE m.id = $1`,
      [id],
    )) as Record<string, string | null>[];
    if (!row) return null;
    return {
      id: row.id as string,
      purpose: row.purpose as MagicLinkPurpose,
      expiresAt: new Date(row.expires_at as string),
      person: {
        id: row.person_id as string,
        fullName: row.full_name as string,
        email: row.email,
        userId: row.user_id,
      },
      cycle: row.cycle_id
        ? { id: row.cycle_id, title: row.cycle_title as string, timezone: row.timezone as string }
        : null,
      event: row.event_id
        ? { id: row.event_id, number: row.event_number as string, title: row.event_title as string }
        : null,
      school: row.school_id
        ? { id: row.school_id, name: row.school_name as string, directorySchoolId: row.directory_school_id }
        : null,
    };
  }

  /** Ends the link and every session it opened. */
  async revokeLink(id: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(MagicLinkEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  async revokeLinksOfPerson(personId: string): Promise<number> {
    const result = await this.dataSource
      .getRepository(MagicLinkEntity)
      .update({ personId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  async createLinkSession(session: {
    magicLinkId: string;
    tokenHash: string;
    csrfHash: string;
    expiresAt: Date;
  }): Promise<LinkSessionEntity> {
    const repo = this.dataSource.getRepository(LinkSessionEntity);
    return repo.save(repo.create({ ...session, revokedAt: null }));
  }

  /** A live session of a live link: revoking the link ends its sessions at once. */
  async findActiveLinkSession(
    tokenHash: string,
  ): Promise<{ id: string; csrfHash: string; link: LiveMagicLink } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT s.id, s.csrf_hash, s.magic_link_id FROM link_sessions s JOIN magic_links m ON m.id = s.magic_link_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND m.revoked_at IS NULL AND m.expires_at > now()`,
      [tokenHash],
    )) as { id: string; csrf_hash: string; magic_link_id: string }[];
    if (!row) return null;
    const link = await this.describeLink(row.magic_link_id);
    return link ? { id: row.id, csrfHash: row.csrf_hash, link } : null;
  }

  async revokeLinkSession(id: string): Promise<void> {
    await this.dataSource
      .getRepository(LinkSessionEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async modeOf(personId: string): Promise<NotificationMode> {
    const found = await this.dataSource.getRepository(NotificationPreferenceEntity).findOneBy({ personId });
    return found?.mode ?? 'digest';
  }

  /** Explicit modes of these people; people without a row are absent (they get the default). */
  async modesOf(personIds: string[]): Promise<Map<string, NotificationMode>> {
    if (!personIds.length) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT person_id, mode FROM notification_preferences WHERE person_id = ANY($1::uuid[])`,
      [personIds],
    )) as { person_id: string; mode: NotificationMode }[];
    return new Map(rows.map((r) => [r.person_id, r.mode]));
  }

  async setMode(
    personId: string,
    mode: NotificationMode,
    changedVia: NotificationPreferenceEntity['changedVia'],
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_preferences (person_id, mode, changed_via, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (person_id) DO UPDATE SET mode = EXCLUDED.mode, changed_via = EXCLUDED.changed_via, updated_at = now()`,
      [personId, mode, changedVia],
    );
  }

  /** People who turned non-critical mail off, within these organisations' municipalities (null: all). */
  async optedOut(municipalityIds: string[] | null): Promise<OptedOutPerson[]> {
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.full_name, p.email, o.name AS organisation_name, n.mode, n.changed_via, n.updated_at
         FROM notification_preferences n JOIN people p ON p.id = n.person_id
         LEFT JOIN organisations o ON o.id = p.organisation_id
        WHERE n.mode = 'off' AND ($1::uuid[] IS NULL OR o.municipality_id = ANY($1::uuid[]))
        ORDER BY p.full_name`,
      [municipalityIds],
    )) as {
      id: string;
      full_name: string;
      email: string | null;
      organisation_name: string | null;
      mode: NotificationMode;
      changed_via: OptedOutPerson['changedVia'];
      updated_at: Date;
    }[];
    return rows.map((r) => ({
      personId: r.id,
      fullName: r.full_name,
      email: r.email,
      organisationName: r.organisation_name,
      mode: r.mode,
      changedVia: r.changed_via,
      updatedAt: r.updated_at,
    }));
  }

  /** Time zones of the cycles that have events or schools: one digest schedule each. */
  async cycleTimezones(): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT DISTINCT timezone FROM cycles ORDER BY timezone`)) as {
      timezone: string;
    }[];
    return rows.map((r) => r.timezone);
  }

  /**
   * What the digest of the cycles in one time zone lists: open events due by `dueBy` or overdue, for
   * their assignees (else the contact people of their executor organisations), and schools in
   * expertise for their curators in that cycle.
   */
  async digestItems(timezone: string, dueBy: Date): Promise<DigestItemRow[]> {
    const events = (await this.dataSource.query(
      `WITH ev AS (${DIGEST_EVENTS}), recipients AS (
         SELECT ev.id AS event_id, a.person_id FROM ev JOIN event_assignees a ON a.event_id = ev.id
         UNION
         SELECT ev.id, pe.id FROM ev CROSS JOIN LATERAL jsonb_array_elements(ev.executors) x
           JOIN people pe ON pe.organisation_id::text = x->>'organisationId' AND pe.is_contact
          WHERE NOT EXISTS (SELECT 1 FROM event_assignees a2 WHERE a2.event_id = ev.id)
       )
       SELECT r.person_id, ev.cycle_id, ev.cycle_title, ev.id AS event_id, ev.number, ev.title, ev.deadline, ev.status,
              ev.indicator, ev.report_form
         FROM ev JOIN recipients r ON r.event_id = ev.id`,
      [timezone, dueBy, ACTIONABLE_EVENT_STATUSES],
    )) as DigestEventRow[];
    events.push(...(await this.groupDigestRows(timezone, dueBy, events)));
    const reviews = (await this.dataSource.query(
      `SELECT ca.person_id, s.cycle_id, c.title AS cycle_title, s.id AS school_id, s.name, sp.round
         FROM school_progress sp JOIN schools s ON s.id = sp.school_id JOIN cycles c ON c.id = s.cycle_id
         JOIN curator_assignments ca ON ca.cycle_id = s.cycle_id AND ca.directory_school_id = s.directory_school_id
        WHERE c.timezone = $1 AND sp.stage = 'expertise'`,
      [timezone],
    )) as {
      person_id: string;
      cycle_id: string;
      cycle_title: string;
      school_id: string;
      name: string;
      round: number;
    }[];
    return [
      ...events.map((e): DigestItemRow => ({
        personId: e.person_id,
        kind: 'event',
        cycleId: e.cycle_id,
        cycleTitle: e.cycle_title,
        eventId: e.event_id,
        eventNumber: e.number,
        title: e.title,
        deadline: new Date(e.deadline),
        status: e.status,
        schoolId: null,
        round: null,
        indicator: e.indicator,
        reportForm: e.report_form,
      })),
      ...reviews.map((r): DigestItemRow => ({
        personId: r.person_id,
        kind: 'review',
        cycleId: r.cycle_id,
        cycleTitle: r.cycle_title,
        eventId: null,
        eventNumber: null,
        title: r.name,
        deadline: null,
        status: 'expertise',
        schoolId: r.school_id,
        round: r.round,
        indicator: null,
        reportForm: null,
      })),
    ];
  }

  /**
   * The digest lines of the people the events' cycle groups reach («руководители школ ШНОР»,
   * «кураторы ШНОР»: see cycleGroupRecipients), for events with no assignees; `known` lines are not repeated.
   */
  private async groupDigestRows(timezone: string, dueBy: Date, known: DigestEventRow[]): Promise<DigestEventRow[]> {
    const open = (await this.dataSource.query(
      `WITH ev AS (${DIGEST_EVENTS})
       SELECT ev.cycle_id, ev.cycle_title, ev.id AS event_id, ev.number, ev.title, ev.deadline, ev.status,
              ev.indicator, ev.report_form, ev.executors
         FROM ev WHERE NOT EXISTS (SELECT 1 FROM event_assignees a WHERE a.event_id = ev.id)`,
      [timezone, dueBy, ACTIONABLE_EVENT_STATUSES],
    )) as (Omit<DigestEventRow, 'person_id'> & { executors: { name: string }[] })[];
    const seen = new Set(known.map((r) => `${r.person_id}/${r.event_id}`));
    const rows: DigestEventRow[] = [];
    for (const cycleId of new Set(open.map((e) => e.cycle_id))) {
      const events = open.filter((e) => e.cycle_id === cycleId && executorGroups(e.executors).size > 0);
      if (!events.length) continue;
      const reached = await cycleGroupRecipients(
        this.dataSource,
        cycleId,
        executorGroups(events.flatMap((e) => e.executors)),
      );
      for (const { executors, ...event } of events) {
        for (const x of executors) {
          for (const r of reached.get(x.name) ?? []) {
            if (!r.personId || seen.has(`${r.personId}/${event.event_id}`)) continue;
            seen.add(`${r.personId}/${event.event_id}`);
            rows.push({ ...event, person_id: r.personId });
          }
        }
      }
    }
    return rows;
  }

  /** The people named, with an e-mail, and their mode. */
  async digestRecipients(personIds: string[], defaultMode: NotificationMode = 'digest'): Promise<DigestRecipientRow[]> {
    if (!personIds.length) return [];
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.full_name, p.email, COALESCE(n.mode, $2) AS mode
         FROM people p LEFT JOIN notification_preferences n ON n.person_id = p.id
        WHERE p.id = ANY($1::uuid[]) AND p.email IS NOT NULL ORDER BY p.id`,
      [personIds, defaultMode],
    )) as { id: string; full_name: string; email: string; mode: NotificationMode }[];
    return rows.map((r) => ({ id: r.id, fullName: r.full_name, email: r.email, mode: r.mode }));
  }

  async expectationOf(eventId: string): Promise<{ indicator: string | null; reportForm: string | null }> {
    const [row] = (await this.dataSource.query(
      `SELECT indicator->>'text' AS indicator, report_form FROM roadmap_events WHERE id = $1`,
      [eventId],
    )) as { indicator: string | null; report_form: string | null }[];
    return { indicator: row?.indicator ?? null, reportForm: row?.report_form ?? null };
  }

  /** Who a cycle's people should ask: the municipal coordinator contact of the cycle, if the directory knows one. */
  async coordinatorContact(
    cycleId: string,
  ): Promise<{ name: string; email: string | null; phone: string | null } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT p.full_name AS name, p.email, p.phone
         FROM cycles c
         JOIN organisations o ON o.municipality_id = c.municipality_id
                              AND o.kind IN ('education_department', 'methodical_centre')
         JOIN people p ON p.organisation_id = o.id AND p.email IS NOT NULL
        WHERE c.id = $1
        ORDER BY EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = p.user_id AND g.role = 'municipal_coordinator') DESC,
                 p.full_name
        LIMIT 1`,
      [cycleId],
    )) as { name: string; email: string | null; phone: string | null }[];
    return row ?? null;
  }
}

/** `UPDATE … RETURNING` answers `[rows, count]` through TypeORM on PostgreSQL. */
function firstId(result: unknown): string | null {
  const rows =
    Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
  const first = Array.isArray(rows) ? (rows[0] as { id?: string } | undefined) : undefined;
  return first?.id ?? null;
}
