import { Alert, Label } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState';
import { formatDateTime } from '../../../lib/format';
import { eventStatusTitle, eventTone } from '../../../lib/words';

export default function EventPage() {
  const { cycleId = '', eventId = '' } = useParams();
  const cycle = useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: () => unwrap(api.GET('/api/cycles/{id}', { params: { path: { id: cycleId } } })),
  });
  if (cycle.isPending) return <PageLoader />;
  if (cycle.error) return <ErrorState error={cycle.error} onRetry={() => void cycle.refetch()} />;
  const event = cycle.data.events.find((e) => e.id === eventId);
  if (!event)
    return <EmptyState title="Мероприятие не найдено">Его нет в этом цикле или оно вне вашей области.</EmptyState>;
  const tz = cycle.data.timezone;
  return (
    <>
      <Link to={`/cycles/${cycleId}`}>← {cycle.data.title}</Link>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2" data-testid="event-title">
          № {event.number}. {event.title}
        </h1>
        <Label size="m" theme={eventTone(event.status)}>
          {eventStatusTitle(event.status)}
        </Label>
      </div>
      <section className="panel">
        <dl className="facts">
          <dt>Срок</dt>
          <dd>
            <strong>{formatDateTime(event.deadline, tz)}</strong>
          </dd>
          <dt>Открывается</dt>
          <dd>{formatDateTime(event.opensAt, tz)}</dd>
          <dt>Исполнители</dt>
          <dd>{event.executors.join('; ') || '—'}</dd>
          <dt>Напоминаний отправлено</dt>
          <dd>{event.remindersSent}</dd>
        </dl>
        {event.status === 'overdue' && <Alert theme="danger" message="Срок прошел, а выполнение не отмечено." />}
      </section>
    </>
  );
}
