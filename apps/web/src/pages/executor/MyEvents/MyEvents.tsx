import { Label, Progress } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState';
import { eventStatusTitle, eventTone } from '../../../lib/words';

/** «Мои мероприятия»: what is due and when, what is expected in plain words, one tap to the report form. */
export default function MyEvents() {
  const mine = useQuery({ queryKey: ['events', 'mine'], queryFn: () => unwrap(api.GET('/api/events/mine')) });
  if (mine.isPending) return <PageLoader />;
  if (mine.error) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!mine.data.length)
    return <EmptyState title="Мероприятий нет">Вы не указаны исполнителем ни одного мероприятия.</EmptyState>;
  return (
    <>
      <h1 className="g-text g-text_variant_header-2">Мои мероприятия</h1>
      <ul className="my-events" data-testid="my-events">
        {mine.data.map((e) => (
          <li key={e.id} className="panel">
            <Link to={`/cycles/${e.cycleId}/events/${e.id}`} className="my-event-link">
              <strong>
                № {e.number}. {e.title}
              </strong>
            </Link>
            <div>
              <Label theme={eventTone(e.status)}>{eventStatusTitle(e.status)}</Label> <span>Срок: {e.periodText}</span>
            </div>
            <p>{e.expectation}</p>
            <Progress
              value={e.progressPercent}
              size="s"
              theme={e.status === 'met' ? 'success' : e.status === 'at_risk' ? 'warning' : 'info'}
            />
            {e.canRecord && (
              <Link
                to={`/cycles/${e.cycleId}/events/${e.id}#report`}
                className="g-button g-button_view_action g-button_size_l"
              >
                Отчитаться
              </Link>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
