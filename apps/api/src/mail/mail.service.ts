import { Injectable } from '@nestjs/common';
import { canManageMunicipality } from '@orientir/auth';
import { MailOutboxStore } from '@orientir/persistence';
import { hiddenOutOfScope } from '../auth/auth.exception';
import { requirePrincipal, type Actor } from '../auth/principal.model';
import { CycleErrorCode, CycleException } from '../cycles/cycle.exception';
import type { MailMessageView, MailPage, MailQueryDto } from './dto/mail.dto';

/** What went out and what did not: a coordinator sees the mail of the cycles they manage; admins everything. */
@Injectable()
export class MailService {
  constructor(private readonly outbox: MailOutboxStore) {}

  async list(query: MailQueryDto, actor: Actor): Promise<MailPage> {
    const grants = requirePrincipal(actor).grants;
    const cycles = await this.outbox.cycles();
    const regionWide = canManageMunicipality(grants, null);
    const managed = cycles.filter((c) => canManageMunicipality(grants, c.municipalityId));
    if (query.cycleId && !managed.some((c) => c.id === query.cycleId))
      throw hiddenOutOfScope(new CycleException(CycleErrorCode.NOT_FOUND, `Цикл ${query.cycleId} не найден`));
    // Mail of no cycle (or of a deleted one) is the installation's: only a region-wide manager sees it.
    const cycleIds = query.cycleId ? [query.cycleId] : regionWide ? null : managed.map((c) => c.id);
    const titles = new Map(cycles.map((c) => [c.id, c.title]));
    const [page, counts] = await Promise.all([
      this.outbox.list({
        cycleIds,
        statuses: query.status ? [query.status] : [],
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      }),
      this.outbox.countByStatus(cycleIds),
    ]);
    return {
      counts,
      total: page.total,
      items: page.items.map((m): MailMessageView => ({
        id: m.id,
        kind: m.kind,
        recipient: m.recipients.join(', '),
        subject: m.subject,
        status: m.status,
        attempts: m.attempts,
        lastError: m.lastError,
        cycleId: m.cycleId,
        cycleTitle: m.cycleId ? (titles.get(m.cycleId) ?? null) : null,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
        undeliverableAt: m.undeliverableAt?.toISOString() ?? null,
        nextAttemptAt: m.status === 'failed' ? m.nextAttemptAt.toISOString() : null,
      })),
    };
  }
}
