import { Injectable, Logger } from '@nestjs/common';
import { auditScope } from '@orientir/auth';
import { AuditLogStore, DirectoryStore, type AuditOutcome } from '@orientir/persistence';
import type { Actor, Principal } from '../auth/principal.model';
import { requirePrincipal } from '../auth/principal.model';
import type { AuditQueryDto } from './dto/audit-query.dto';
import type { AuditPage } from './dto/audit-entry.view';

export interface AuditEvent {
  action: string;
  outcome: AuditOutcome;
  targetType?: string | null;
  targetId?: string | null;
  municipality?: string | null;
  /** For a caller not yet signed in (login, password reset): whom the attempt named. */
  actorEmail?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(
    private readonly store: AuditLogStore,
    private readonly directory: DirectoryStore,
  ) {}

  private async municipalityNames(ids: string[]): Promise<string[]> {
    const found = await Promise.all(ids.map((id) => this.directory.findMunicipalityById(id)));
    return found.flatMap((m) => (m ? [m.name] : []));
  }

  /**
   * Appends one row. A failing write is logged, not thrown: the action it records has already
   * happened, and answering 500 for it would invite a retry that does it twice.
   */
  async record(actor: Actor, event: AuditEvent): Promise<void> {
    try {
      await this.store.append({
        // A link holder without an account has no user id (principal.userId is the person's id then).
        actorUserId:
          actor.principal?.via === 'link' && actor.principal.userId === actor.principal.link?.personId
            ? null
            : (actor.principal?.userId ?? null),
        actorEmail: actor.principal?.email ?? event.actorEmail?.trim().toLowerCase() ?? null,
        action: event.action,
        targetType: event.targetType ?? null,
        targetId: event.targetId ?? null,
        municipality: event.municipality ?? null,
        ip: actor.ip,
        userAgent: actor.userAgent,
        outcome: event.outcome,
        details: event.details,
      });
    } catch (error) {
      this.logger.error(
        `audit write failed for ${event.action}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** A coordinator reads the rows of its municipalities; region-wide roles read everything. */
  async list(query: AuditQueryDto, actor: Actor): Promise<AuditPage> {
    const principal: Principal = requirePrincipal(actor);
    const scope = auditScope(principal.grants);
    // Rows keep the municipality's name (what was true when they were written); grants name ids.
    const municipalities = scope.all ? null : await this.municipalityNames(scope.municipalityIds);
    const { total, items } = await this.store.query({
      municipalities,
      action: query.action,
      targetType: query.targetType,
      targetId: query.targetId,
      actorEmail: query.actorEmail,
      outcome: query.outcome,
      since: query.since ? new Date(query.since) : undefined,
      until: query.until ? new Date(query.until) : undefined,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return {
      total,
      items: items.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        actorUserId: row.actorUserId,
        actorEmail: row.actorEmail,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        municipality: row.municipality,
        ip: row.ip,
        userAgent: row.userAgent,
        outcome: row.outcome,
        details: row.details,
      })),
    };
  }
}
