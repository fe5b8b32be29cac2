import { Button, Table } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState';
import { roadmapColumns } from './columns';
import { t } from './i18n';

export default function Roadmaps() {
  const navigate = useNavigate();
  const roadmaps = useQuery({ queryKey: ['roadmaps'], queryFn: () => unwrap(api.GET('/api/roadmaps')) });
  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">{t.title}</h1>
        <Button view="action" size="l" onClick={() => void navigate('/roadmaps/new')}>
          {t.upload}
        </Button>
      </div>
      {roadmaps.isPending ? (
        <PageLoader />
      ) : roadmaps.error ? (
        <ErrorState error={roadmaps.error} onRetry={() => void roadmaps.refetch()} />
      ) : roadmaps.data.length === 0 ? (
        <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>
      ) : (
        <div className="panel table-wrap">
          <Table
            data={roadmaps.data}
            columns={roadmapColumns((r) => void navigate(`/roadmaps/${r.id}/launch`))}
            getRowDescriptor={(r) => ({ id: r.id })}
          />
        </div>
      )}
    </>
  );
}
