import { Button, Label, Pagination, Select, Table, Text } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState';
import { formatDateTime } from '../../../lib/format';
import { t } from './i18n';

type Status = keyof typeof t.statuses;
const PAGE = 50;
const TZ = Intl.DateTimeFormat().resolvedOptions().timeZone;
const STATUSES = Object.keys(t.statuses) as Status[];
const THEME: Record<Status, 'success' | 'info' | 'warning' | 'danger' | 'unknown'> = {
  pending: 'unknown',
  sending: 'info',
  sent: 'success',
  failed: 'warning',
  undeliverable: 'danger',
};

/** The outbox of the caller's cycles; undeliverable mail first, because it needs a person. */
export default function Mail() {
  const [status, setStatus] = useState<Status | ''>('undeliverable');
  const [page, setPage] = useState(1);
  const query = { status: status || undefined, limit: PAGE, offset: (page - 1) * PAGE };
  const mail = useQuery({
    queryKey: ['mail', query],
    queryFn: () => unwrap(api.GET('/api/mail', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">{t.title}</h1>
      </div>
      <Text as="p" color="secondary">
        {t.hint}
      </Text>
      {mail.data && (
        <div className="filters" aria-label="Письма по состояниям">
          {STATUSES.map((s) => (
            <Button
              key={s}
              view={status === s ? 'action' : 'outlined'}
              onClick={() => {
                setStatus(status === s ? '' : s);
                setPage(1);
              }}
            >
              {t.statuses[s]}: {mail.data.counts[s]}
            </Button>
          ))}
        </div>
      )}
      <div className="filters" role="search">
        <Select
          aria-label={t.status}
          placeholder={t.status}
          hasClear
          options={STATUSES.map((s) => ({ value: s, content: t.statuses[s] }))}
          value={status ? [status] : []}
          onUpdate={(v) => {
            setStatus((v[0] as Status | undefined) ?? '');
            setPage(1);
          }}
        />
        <Button view="flat" onClick={() => void mail.refetch()}>
          {t.refresh}
        </Button>
      </div>
      {mail.isPending ? (
        <PageLoader />
      ) : mail.error ? (
        <ErrorState error={mail.error} onRetry={() => void mail.refetch()} />
      ) : mail.data.items.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <div className="panel table-wrap">
          <Table
            data={mail.data.items}
            getRowDescriptor={(m) => ({ id: m.id })}
            wordWrap
            columns={[
              { id: 'createdAt', name: t.colCreated, width: 200, template: (m) => formatDateTime(m.createdAt, TZ) },
              { id: 'recipient', name: t.colRecipient, template: (m) => m.recipient },
              { id: 'subject', name: t.colSubject, template: (m) => m.subject },
              { id: 'kind', name: t.colKind, template: (m) => t.kinds[m.kind] ?? m.kind },
              { id: 'cycle', name: t.colCycle, template: (m) => m.cycleTitle ?? t.noCycle },
              {
                id: 'status',
                name: t.colStatus,
                template: (m) => <Label theme={THEME[m.status]}>{t.statuses[m.status]}</Label>,
              },
              { id: 'attempts', name: t.colAttempts, align: 'end', template: (m) => m.attempts },
              {
                id: 'reason',
                name: t.colReason,
                template: (m) =>
                  [m.lastError, m.nextAttemptAt ? t.nextAttempt(formatDateTime(m.nextAttemptAt, TZ)) : null]
                    .filter(Boolean)
                    .join('; ') || '—',
              },
            ]}
          />
          <div className="actions">
            <Pagination page={page} pageSize={PAGE} total={mail.data.total} onUpdate={setPage} />
          </div>
        </div>
      )}
    </>
  );
}
