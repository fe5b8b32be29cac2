import { Table } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState';
import { formatDate, zoneName } from '../../../lib/format';

export default function Cycles() {
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: () => unwrap(api.GET('/api/cycles')) });
  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">Циклы</h1>
      </div>
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
            columns={[
              { id: 'title', name: 'Цикл', template: (c) => <Link to={`/cycles/${c.id}`}>{c.title}</Link> },
              { id: 'municipality', name: 'Муниципалитет', template: (c) => c.municipality ?? 'Региональный' },
              { id: 'year', name: 'Год', width: 70 },
              { id: 'schools', name: 'Школы', align: 'end', width: 90 },
              { id: 'events', name: 'Мероприятия', align: 'end', width: 120 },
              { id: 'timezone', name: 'Время', template: (c) => zoneName(c.timezone) },
              { id: 'createdAt', name: 'Запущен', template: (c) => formatDate(c.createdAt, c.timezone) },
            ]}
          />
        </div>
      )}
    </>
  );
}
