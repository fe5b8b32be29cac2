import { Alert, Button, Label, Progress, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { DateInput } from '../../../components/DateInput';
import { ApiError, unwrap } from '../../../api/errors';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState';
import { formatDate, formatIsoDate } from '../../../lib/format';
import { eventStatusTitle, eventTone } from '../../../lib/words';
import { EventAddressees } from './EventAddressees';
import { EventHistory } from './EventHistory';
import { EvidenceForm } from './EvidenceForm';
import { VerdictPanel } from './VerdictPanel';

const THEME: Record<string, 'success' | 'warning' | 'danger' | 'info' | 'default'> = {
  met: 'success',
  at_risk: 'warning',
  overdue: 'danger',
  not_met: 'danger',
  open: 'info',
};

/** The event: what is expected, progress per occurrence, evidence; the executor records, the coordinator corrects. */
export default function EventPage() {
  const { cycleId = '', eventId = '' } = useParams();
  const client = useQueryClient();
  const event = useQuery({
    queryKey: ['event', eventId],
    queryFn: () => unwrap(api.GET('/api/events/{id}', { params: { path: { id: eventId } } })),
  });
  const [reason, setReason] = useState('');
  const [opensAt, setOpensAt] = useState('');
  const [deadline, setDeadline] = useState('');
  const act = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => client.invalidateQueries({ queryKey: ['event', eventId] }),
  });
  if (event.isPending) return <PageLoader />;
  if (event.error) {
    if (event.error instanceof ApiError && event.error.status === 404)
      return <EmptyState title="Мероприятие не найдено">Его нет в этом цикле или оно вне вашей области.</EmptyState>;
    // A one-click link opens exactly one item: any other answers 403 with the API's Russian reason.
    if (event.error instanceof ApiError && event.error.status === 403)
      return <EmptyState title="Нет доступа к мероприятию">{event.error.message}</EmptyState>;
    return <ErrorState error={event.error} onRetry={() => void event.refetch()} />;
  }
  const e = event.data;
  const tz = e.timezone;
  const path = { params: { path: { id: eventId } } };
  return (
    <>
      <Link to={`/cycles/${cycleId}`}>← {e.cycleTitle}</Link>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2" data-testid="event-title">
          № {e.number}. {e.title}
        </h1>
        <span data-testid="event-status">
          <Label size="m" theme={eventTone(e.status)}>
            {eventStatusTitle(e.status)}
          </Label>
        </span>
      </div>
      <section className="panel">
        <dl className="facts">
          <dt>Срок</dt>
          <dd>
            <strong>{e.periodText}</strong>
          </dd>
          <dt>Что нужно сделать</dt>
          <dd data-testid="expectation">{e.expectation}</dd>
          <dt>Показатель</dt>
          <dd>{e.indicatorText}</dd>
          {e.reportForm && (
            <>
              <dt>Форма отчета</dt>
              <dd>{e.reportForm}</dd>
            </>
          )}
          <dt>Исполнители</dt>
          <dd>{e.executors.join('; ') || '—'}</dd>
        </dl>
        {e.status === 'overdue' && <Alert theme="danger" message="Срок прошел, а показатель не достигнут." />}
        {e.status === 'at_risk' && (
          <Alert theme="warning" message="По ходу выполнения показатель к сроку не будет достигнут." />
        )}
        {e.status === 'awaiting_schedule' && (
          <Alert theme="warning" message="Ожидает графика: координатор еще не назначил даты." />
        )}
      </section>
      <section className="panel">
        <h2 className="g-text g-text_variant_subheader-3">Ход выполнения</h2>
        {e.occurrences.length === 0 && <p>Сроков пока нет.</p>}
        <ul className="occurrences" data-testid="occurrences">
          {e.occurrences.map((o) => (
            <li key={o.index}>
              <span>{o.label}</span> <Label theme={eventTone(o.status)}>{eventStatusTitle(o.status)}</Label>{' '}
              <span>
                {e.indicatorKind === 'coverage'
                  ? `${o.achieved}% (${o.coveredSchools} школ)`
                  : `${o.achieved} из ${o.target}`}
              </span>
              <Progress
                value={Math.min(100, Math.round((o.achieved / Math.max(1, o.target)) * 100))}
                theme={THEME[o.status] ?? 'default'}
                size="s"
              />
            </li>
          ))}
        </ul>
      </section>
      {e.canManage && e.indicatorKind === 'text' && e.status !== 'awaiting_schedule' && <VerdictPanel event={e} />}
      {e.canRecord && <EvidenceForm eventId={eventId} timezone={tz} needsCount={e.indicatorKind === 'count'} />}
      <section className="panel" data-testid="evidence">
        <h2 className="g-text g-text_variant_subheader-3">Отчеты ({e.evidence.filter((x) => !x.removedAt).length})</h2>
        {e.evidence.length === 0 && <p>Отчетов пока нет.</p>}
        <ul>
          {e.evidence.map((x) => (
            <li key={x.id} className={x.removedAt ? 'removed' : undefined}>
              {x.heldOn ? formatIsoDate(x.heldOn) : formatDate(x.recordedAt, tz)} — {x.executor}
              {x.count !== null && `, количество: ${x.count}`}
              {x.schoolNames.length > 0 && `, школы: ${x.schoolNames.join(', ')}`}
              {x.fileIds.map((id, i) => (
                <a key={id} href={`/api/files/${id}/content`}>
                  {' '}
                  {x.fileNames[i]}
                </a>
              ))}
              {x.link && (
                <a href={x.link} rel="noreferrer" target="_blank">
                  {' '}
                  ссылка
                </a>
              )}
              {x.comment && ` — ${x.comment}`}
              {x.removedAt && ` (удалено: ${x.removedReason})`}
              {e.canManage && !x.removedAt && (
                <Button
                  size="s"
                  view="flat-danger"
                  disabled={!reason.trim()}
                  title="Укажите причину в поле ниже"
                  onClick={() =>
                    act.mutate(() =>
                      unwrap(
                        api.POST('/api/events/{id}/evidence/{evidenceId}/remove', {
                          params: { path: { id: eventId, evidenceId: x.id } },
                          body: { reason },
                        }),
                      ),
                    )
                  }
                >
                  Удалить
                </Button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <EventHistory history={e.history} timezone={tz} />
      {e.canManage && <EventAddressees eventId={eventId} />}
      {e.canManage && (
        <section className="panel" data-testid="coordinator-actions">
          <h2 className="g-text g-text_variant_subheader-3">Координатору</h2>
          <TextInput value={reason} onUpdate={setReason} placeholder="Причина (для удаления, закрытия, отмены)" />
          <div className="actions">
            <Button
              disabled={!reason.trim()}
              onClick={() =>
                act.mutate(() =>
                  unwrap(api.POST('/api/events/{id}/close', { ...path, body: { kind: 'close_early', reason } })),
                )
              }
            >
              Закрыть досрочно
            </Button>
            <Button
              view="outlined-danger"
              disabled={!reason.trim()}
              onClick={() =>
                act.mutate(() =>
                  unwrap(api.POST('/api/events/{id}/close', { ...path, body: { kind: 'cancel', reason } })),
                )
              }
            >
              Отменить мероприятие
            </Button>
          </div>
          <div className="actions actions_bottom">
            <div className="field">
              <span className="field__label">Начало</span>
              <DateInput value={opensAt} onUpdate={setOpensAt} aria-label="Начало" />
            </div>
            <div className="field">
              <span className="field__label">Окончание</span>
              <DateInput value={deadline} onUpdate={setDeadline} aria-label="Окончание" />
            </div>
            <Button
              disabled={!opensAt || !deadline}
              onClick={() =>
                act.mutate(() =>
                  unwrap(
                    api.POST('/api/events/{id}/schedule', {
                      ...path,
                      body:
                        e.status === 'awaiting_schedule' || e.occurrences.length !== 1
                          ? { windows: [{ opensAt, deadline }] }
                          : { occurrenceIndex: 0, windows: [{ opensAt, deadline }] },
                    }),
                  ),
                )
              }
            >
              {e.status === 'awaiting_schedule' ? 'Назначить даты' : 'Перенести срок'}
            </Button>
          </div>
          {act.error && (
            <p role="alert" className="form-error">
              {act.error instanceof ApiError ? act.error.message : String(act.error)}
            </p>
          )}
        </section>
      )}
    </>
  );
}
