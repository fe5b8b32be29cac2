import type { Schemas } from '../../../api/client';
import { formatDateTime } from '../../../lib/format';

const ACTIONS: Record<string, string> = {
  'event.evidence.record': 'Отчет внесен',
  'event.evidence.correct': 'Отчет исправлен',
  'event.evidence.remove': 'Отчет удален',
  'event.schedule': 'Сроки назначены',
  'event.close_early': 'Закрыто досрочно',
  'event.cancel': 'Отменено',
  'event.verdict': 'Отметка координатора',
};

/** What happened to the event, newest first: evidence, corrections, dates, closing and verdicts, with who and why. */
export function EventHistory({ history, timezone }: { history: Schemas['EventHistoryView'][]; timezone: string }) {
  return (
    <section className="panel" aria-labelledby="event-history-title">
      <h2 id="event-history-title" className="g-text g-text_variant_subheader-3">
        История
      </h2>
      {history.length === 0 ? (
        <p className="muted">Изменений пока нет.</p>
      ) : (
        <ul data-testid="event-history">
          {history.map((h, i) => (
            <li key={`${h.at}-${i}`}>
              {formatDateTime(h.at, timezone)} — {h.actor ?? 'система'}: {ACTIONS[h.action] ?? h.action}
              {describe(h.details)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function describe(details: Record<string, unknown>): string {
  if (typeof details.met === 'boolean') {
    const comment = typeof details.comment === 'string' && details.comment ? `: ${details.comment}` : '';
    return ` — ${details.met ? 'выполнено' : 'не выполнено'}${comment}`;
  }
  return typeof details.reason === 'string' && details.reason ? ` — ${details.reason}` : '';
}
