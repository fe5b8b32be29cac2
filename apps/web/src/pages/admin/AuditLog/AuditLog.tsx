import { Button, Label, Pagination, Select, Table, TextInput } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState';
import { formatDateTime } from '../../../lib/format';

const PAGE = 50;
const TZ = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** The actions people meet most, in words; any other is shown by its code. */
const ACTIONS: Record<string, string> = {
  'auth.login': 'Вход',
  'auth.logout': 'Выход',
  'cycle.create': 'Создание цикла',
  'cycle.launch': 'Запуск цикла',
  'roadmap.create': 'Сохранение дорожной карты',
  'school.stage.advance': 'Этап выполнен',
  'school.stage.return': 'Возврат на доработку',
  'user.create': 'Создание учетной записи',
  'user.update': 'Изменение ролей',
};

const OUTCOMES = [
  { value: 'success', content: 'Успешно' },
  { value: 'denied', content: 'Отказано' },
  { value: 'failure', content: 'Ошибка' },
];

export default function AuditLog() {
  const [action, setAction] = useState('');
  const [actorEmail, setActorEmail] = useState('');
  const [outcome, setOutcome] = useState<string[]>([]);
  const [page, setPage] = useState(1);
  const query = {
    action: action.trim() || undefined,
    actorEmail: actorEmail.trim() || undefined,
    outcome: (outcome[0] as 'success' | 'denied' | 'failure' | undefined) ?? undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const audit = useQuery({
    queryKey: ['audit', query],
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">Журнал действий</h1>
      </div>
      <div className="filters" role="search">
        <TextInput
          controlProps={{ 'aria-label': 'Действие' }}
          placeholder="Действие, например cycle.launch"
          value={action}
          onUpdate={(v) => {
            setAction(v);
            setPage(1);
          }}
          hasClear
        />
        <TextInput
          controlProps={{ 'aria-label': 'Кто' }}
          placeholder="Адрес пользователя"
          value={actorEmail}
          onUpdate={(v) => {
            setActorEmail(v);
            setPage(1);
          }}
          hasClear
        />
        <Select
          aria-label="Результат"
          placeholder="Результат"
          hasClear
          options={OUTCOMES}
          value={outcome}
          onUpdate={(v) => {
            setOutcome(v);
            setPage(1);
          }}
        />
        <Button view="flat" onClick={() => void audit.refetch()}>
          Обновить
        </Button>
      </div>
      {audit.isPending ? (
        <PageLoader />
      ) : audit.error ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState title="Записей нет" />
      ) : (
        <div className="panel table-wrap">
          <Table
            data={audit.data.items}
            getRowDescriptor={(r) => ({ id: r.id })}
            wordWrap
            columns={[
              { id: 'at', name: 'Когда', width: 260, template: (r) => formatDateTime(r.at, TZ) },
              { id: 'actorEmail', name: 'Кто', template: (r) => r.actorEmail ?? 'система' },
              {
                id: 'action',
                name: 'Действие',
                template: (r) => <span title={r.action}>{ACTIONS[r.action] ?? r.action}</span>,
              },
              {
                id: 'target',
                name: 'Объект',
                template: (r) => (r.targetType ? `${r.targetType} ${r.targetId ?? ''}` : '—'),
              },
              { id: 'municipality', name: 'Муниципалитет', template: (r) => r.municipality ?? '—' },
              {
                id: 'outcome',
                name: 'Результат',
                template: (r) => (
                  <Label theme={r.outcome === 'success' ? 'success' : r.outcome === 'denied' ? 'warning' : 'danger'}>
                    {OUTCOMES.find((o) => o.value === r.outcome)?.content ?? r.outcome}
                  </Label>
                ),
              },
            ]}
          />
          <div className="actions">
            <Pagination page={page} pageSize={PAGE} total={audit.data.total} onUpdate={setPage} />
          </div>
        </div>
      )}
    </>
  );
}
