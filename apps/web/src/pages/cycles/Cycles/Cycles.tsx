import { Alert, Label, Table } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { hasRole, MANAGER_ROLES, useSession } from '../../../auth/session';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState';
import { formatDate, zoneName } from '../../../lib/format';
import { count } from '../../../lib/plural';

export default function Cycles() {
  const { me } = useSession();
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: () => unwrap(api.GET('/api/cycles')) });
  const manager = hasRole(me, ...MANAGER_ROLES);
  const stalled = cycles.data?.filter((c) => c.pendingWorkflows > 0) ?? [];
  const overdue = cycles.data?.reduce((sum, c) => sum + c.overdueEvents, 0) ?? 0;
  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">Циклы</h1>
      </div>
      {manager && (stalled.length > 0 || overdue > 0) && (
        <div className="inline-error">
          <Alert
            theme="warning"
            title="Требует решения"
            message={
              <ul className="error-details">
                {stalled.map((c) => (
                  <li key={c.id}>
                    «{c.title}»: не отозвались {count(c.pendingWorkflows, ['процесс', 'процесса', 'процессов'])} —{' '}
                    <Link to={`/cycles/${c.id}/launch`}>проверить запуск</Link>
                  </li>
                ))}
                {overdue > 0 && <li>Просрочено {count(overdue, ['мероприятие', 'мероприятия', 'мероприятий'])}</li>}
              </ul>
            }
          />
        </div>
      )}
      {cycles.isPending ? (
        <PageLoader />
      ) : cycles.error ? (
        <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : cycles.data.length === 0 ? (
        <EmptyState title="Циклов пока нет">Цикл появляется, когда координатор запускает дорожную карту.</EmptyState>
      ) : (
        <div className="panel table-wrap">
          <Table
            data={cycles.data}
            getRowDescriptor={(c) => ({ id: c.id })}
            wordWrap
            columns={[
              { id: 'title', name: 'Цикл', template: (c) => <Link to={`/cycles/${c.id}`}>{c.title}</Link> },
              {
                id: 'municipality',
                name: 'Муниципалитет',
                width: 160,
                template: (c) => c.municipality ?? 'Региональный',
              },
              { id: 'schools', name: 'Школы', align: 'end', width: 80 },
              { id: 'events', name: 'Мероприятия', align: 'end', width: 110 },
              {
                id: 'overdueEvents',
                name: 'Просрочено',
                width: 110,
                template: (c) => (c.overdueEvents ? <Label theme="danger">{c.overdueEvents}</Label> : '0'),
              },
              { id: 'timezone', name: 'Время', width: 190, template: (c) => zoneName(c.timezone) },
              { id: 'createdAt', name: 'Запущен', width: 170, template: (c) => formatDate(c.createdAt, c.timezone) },
            ]}
          />
        </div>
      )}
    </>
  );
}
