import { Alert, Button, Checkbox, Pagination, Select, Table, TextInput } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { hasRole, MANAGER_ROLES, useSession } from '../../../auth/session';
import type { operations } from '../../../api/schema.gen';
import { unwrap } from '../../../api/errors';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState';
import { EscalationPanel } from '../../../components/escalation/EscalationPanel';
import { formatDateTime, zoneName } from '../../../lib/format';
import {
  distinct,
  EMPTY_FILTER,
  eventsPerMonth,
  eventsPerStatus,
  filterEvents,
  filterSchools,
  schoolsPerStage,
  sortSchools,
  type SchoolFilter,
  type Sort,
} from '../../../lib/matrix';
import { count, plural } from '../../../lib/plural';
import { CATEGORY_TITLES, EVENT_STATUS_TITLES, YEAR_STAGES, STAGE_TITLES, type SchoolState } from '../../../lib/words';
import { AddSchool } from './AddSchool';
import { eventColumns, matrixColumns } from './columns';
import { m } from './manage.i18n';
import { RiskProfileImport } from './RiskProfileImport';
import { t } from './i18n';

const Charts = lazy(() => import('./Charts'));
type ListQuery = NonNullable<operations['CyclesController_listSchools']['parameters']['query']>;
const PAGE_SIZE = 25;

const SORTS: { value: string; content: string; sort: Sort }[] = [
  { value: 'name', content: t.sortName, sort: { key: 'name', direction: 'asc' } },
  { value: 'municipality', content: t.sortMunicipality, sort: { key: 'municipality', direction: 'asc' } },
  { value: 'stage-asc', content: t.sortStageAsc, sort: { key: 'stage', direction: 'asc' } },
  { value: 'stage-desc', content: t.sortStageDesc, sort: { key: 'stage', direction: 'desc' } },
  { value: 'updated', content: t.sortUpdated, sort: { key: 'updatedAt', direction: 'asc' } },
];
const STAGE_OPTIONS = (['not_started', ...YEAR_STAGES, 'completed', 'withdrawn'] as SchoolState[]).map((s) => ({
  value: s,
  content: STAGE_TITLES[s],
}));
const STATUS_OPTIONS = (['not_started', 'open', 'overdue', 'closed'] as const).map((s) => ({
  value: s,
  content: EVENT_STATUS_TITLES[s],
}));

export default function CycleDashboard() {
  const { cycleId = '' } = useParams();
  const { me } = useSession();
  const manager = hasRole(me, ...MANAGER_ROLES);
  const [adding, setAdding] = useState(false);
  const cycle = useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: () => unwrap(api.GET('/api/cycles/{id}', { params: { path: { id: cycleId } } })),
    refetchInterval: 30_000,
  });
  const [filter, setFilter] = useState<SchoolFilter>(EMPTY_FILTER);
  const [sortValue, setSortValue] = useState('name');
  const [page, setPage] = useState(1);
  const [eventSearch, setEventSearch] = useState('');
  const [eventStatus, setEventStatus] = useState<string[]>([]);
  const [exporting, setExporting] = useState(false);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const deferredFilter = useDeferredValue(filter);
  // The matrix pages, filters, sorts and counts on the server (GET /api/cycles/:id/schools, PostgreSQL).
  const listSort = SORTS.find((x) => x.value === sortValue)!.sort;
  const schoolList = useQuery({
    queryKey: ['cycle-schools', cycleId, deferredFilter, sortValue, page, overdueOnly],
    queryFn: () =>
      unwrap(
        api.GET('/api/cycles/{id}/schools', {
          params: {
            path: { id: cycleId },
            query: {
              search: deferredFilter.search || undefined,
              municipality: deferredFilter.municipality.length ? deferredFilter.municipality : undefined,
              // The options come from the same enums the API declares.
              category: deferredFilter.category.length ? (deferredFilter.category as ListQuery['category']) : undefined,
              stage: deferredFilter.stage.length ? (deferredFilter.stage as ListQuery['stage']) : undefined,
              curator: deferredFilter.curator.length ? deferredFilter.curator : undefined,
              overdue: overdueOnly ? 'true' : undefined,
              sort: listSort.key,
              direction: listSort.direction,
              page,
              pageSize: PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });

  const data = cycle.data;
  const schools = useMemo(() => data?.schools ?? [], [data]);
  const events = useMemo(() => data?.events ?? [], [data]);
  const municipalities = useMemo(() => distinct(schools.map((s) => s.municipality)), [schools]);
  const categories = useMemo(() => distinct(schools.map((s) => s.category)), [schools]);
  const curators = useMemo(() => distinct(schools.flatMap((s) => s.curators)), [schools]);
  const filtered = useMemo(
    () => sortSchools(filterSchools(schools, deferredFilter), SORTS.find((s) => s.value === sortValue)!.sort),
    [schools, deferredFilter, sortValue],
  );
  const listed = schoolList.data;
  const overdueSchools = listed?.byStage.reduce((n, x) => n + x.overdue, 0) ?? 0;
  const filteredEvents = useMemo(
    () => filterEvents(events, { search: eventSearch, status: eventStatus }),
    [events, eventSearch, eventStatus],
  );
  const perStage = useMemo(() => schoolsPerStage(schools), [schools]);
  const perStatus = useMemo(() => eventsPerStatus(events), [events]);
  const perMonth = useMemo(() => (data ? eventsPerMonth(events, data.timezone) : []), [events, data]);
  const mColumns = useMemo(() => matrixColumns(cycleId, data?.timezone ?? 'UTC'), [cycleId, data?.timezone]);
  // Indicator progress per event, from the events read model (the cycle view carries statuses only).
  const progress = useQuery({
    queryKey: ['cycle', cycleId, 'events-progress'],
    queryFn: () =>
      unwrap(api.GET('/api/cycles/{id}/events', { params: { path: { id: cycleId }, query: { pageSize: 200 } } })),
  });
  const progressById = useMemo(
    () => new Map((progress.data?.items ?? []).map((e) => [e.id, e.progressPercent])),
    [progress.data],
  );
  const eColumns = useMemo(
    () => eventColumns(cycleId, data?.timezone ?? 'UTC', progressById),
    [cycleId, data?.timezone, progressById],
  );

  if (cycle.isPending) return <PageLoader />;
  if (cycle.error) return <ErrorState error={cycle.error} onRetry={() => void cycle.refetch()} />;
  const c = cycle.data;
  const update = (patch: Partial<SchoolFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const exportExcel = async () => {
    setExporting(true);
    try {
      const { exportCycleToExcel } = await import('./export-excel');
      await exportCycleToExcel(c, filtered, filteredEvents);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <div className="page-title">
        <div>
          <h1 className="g-text g-text_variant_header-2">{c.title}</h1>
          <span className="muted">
            {c.municipality ?? 'Региональный цикл'} · {c.year} г. · {t.timezone} {zoneName(c.timezone)} · {t.refresh}{' '}
            {formatDateTime(new Date(cycle.dataUpdatedAt), c.timezone)}
          </span>
        </div>
        <div className="actions">
          <a
            className="g-button g-button_view_outlined g-button_size_l"
            href={`/api/cycles/${cycleId}/report?format=docx`}
            data-testid="report-docx"
          >
            <span className="g-button__text">Отчет о реализации (DOCX)</span>
          </a>
          <a
            className="g-button g-button_view_outlined g-button_size_l"
            href={`/api/cycles/${cycleId}/report?format=xlsx`}
          >
            <span className="g-button__text">Отчет (XLSX)</span>
          </a>
          <Button view="outlined" size="l" loading={exporting} onClick={() => void exportExcel()}>
            {t.export}
          </Button>
          {manager && (
            <Button view="action" size="l" onClick={() => setAdding(true)} disabled={adding}>
              {m.addButton}
            </Button>
          )}
        </div>
      </div>

      {manager && (c.unmatchedExecutors.length > 0 || c.executorsWithoutAddressee.length > 0) && (
        <section aria-label={m.noRemindersRegion}>
          <Alert
            theme="warning"
            className="page-alert"
            title={[
              c.unmatchedExecutors.length ? m.unmatched(c.unmatchedExecutors) : '',
              c.executorsWithoutAddressee.length ? m.withoutAddressee(c.executorsWithoutAddressee) : '',
            ]
              .filter(Boolean)
              .join('. ')}
            actions={
              <Link className="g-link" to={`/cycles/${cycleId}/launch`}>
                {m.linkExecutors}
              </Link>
            }
          />
        </section>
      )}

      {manager && adding && (
        <AddSchool cycleId={cycleId} cycleMunicipality={c.municipality} onClose={() => setAdding(false)} />
      )}

      <div className="cards" data-testid="summary-cards">
        <div className="card">
          <span className="muted">{t.schools}</span>
          <span className="card__value" data-testid="schools-total">
            {schools.length}
          </span>
          <span className="muted">{count(perStage.completed ?? 0, ['завершила', 'завершили', 'завершили'])}</span>
        </div>
        <div className={`card ${perStatus.overdue ? 'card_danger' : ''}`}>
          <span className="muted">{t.overdueEvents}</span>
          <span className="card__value">{perStatus.overdue ?? 0}</span>
          <span className="muted">из {count(events.length, ['мероприятия', 'мероприятий', 'мероприятий'])}</span>
        </div>
        <div className="card">
          <span className="muted">{t.openEvents}</span>
          <span className="card__value">{perStatus.open ?? 0}</span>
        </div>
        <div className="card">
          <span className="muted">{t.doneEvents}</span>
          <span className="card__value">{perStatus.closed ?? 0}</span>
        </div>
        {YEAR_STAGES.map((s) => (
          <div className="card" key={s}>
            <span className="muted">{STAGE_TITLES[s]}</span>
            <span className="card__value">{perStage[s] ?? 0}</span>
            <span className="muted">{plural(perStage[s] ?? 0, ['школа', 'школы', 'школ'])} на этапе</span>
          </div>
        ))}
      </div>

      <Suspense fallback={<PageLoader />}>
        <Charts perStage={perStage} perMonth={perMonth} />
      </Suspense>

      <section className="panel" aria-labelledby="matrix-title">
        <h2 id="matrix-title" className="g-text g-text_variant_subheader-3">
          {t.matrixTitle}
        </h2>
        <div className="filters" role="search">
          <TextInput
            controlProps={{ 'aria-label': t.search }}
            placeholder={t.search}
            value={filter.search}
            onUpdate={(search) => update({ search })}
            hasClear
          />
          {municipalities.length > 1 && (
            <Select
              aria-label={t.municipality}
              placeholder={t.municipality}
              multiple
              filterable
              hasClear
              options={municipalities.map((m) => ({ value: m, content: m }))}
              value={filter.municipality}
              onUpdate={(municipality) => update({ municipality })}
            />
          )}
          <Select
            aria-label={t.category}
            placeholder={t.category}
            multiple
            hasClear
            options={categories.map((v) => ({ value: v, content: CATEGORY_TITLES[v] ?? v }))}
            value={filter.category}
            onUpdate={(category) => update({ category })}
          />
          {curators.length > 0 && (
            <Select
              aria-label={t.curator}
              placeholder={t.curator}
              multiple
              filterable
              hasClear
              options={curators.map((c) => ({ value: c, content: c }))}
              value={filter.curator}
              onUpdate={(curator) => update({ curator })}
            />
          )}
          <Select
            aria-label={t.stage}
            placeholder={t.stage}
            multiple
            hasClear
            options={STAGE_OPTIONS}
            value={filter.stage}
            onUpdate={(stage) => update({ stage })}
          />
          <Select aria-label={t.sort} options={SORTS} value={[sortValue]} onUpdate={([v]) => setSortValue(v)} />
          <Checkbox
            size="l"
            checked={overdueOnly}
            onUpdate={(v) => {
              setOverdueOnly(v);
              setPage(1);
            }}
          >
            {t.overdueOnly}
          </Checkbox>
          {filter !== EMPTY_FILTER && (
            <Button view="flat" onClick={() => update(EMPTY_FILTER)}>
              {t.reset}
            </Button>
          )}
        </div>
        <div className="legend" aria-hidden>
          <span>
            <span className="cell cell_done" />
            {t.legendDone}
          </span>
          <span>
            <span className="cell cell_current" />
            {t.legendCurrent}
          </span>
          <span>
            <span className="cell cell_todo" />
            {t.legendTodo}
          </span>
          <span className="muted" data-testid="matrix-count">
            {listed ? t.shown(listed.items.length, listed.total) : ''}
          </span>
          {overdueSchools > 0 && (
            <span className="overdue-note" data-testid="matrix-overdue">
              {t.overdueSchools(overdueSchools)}
            </span>
          )}
        </div>
        {schoolList.error ? (
          <ErrorState error={schoolList.error} onRetry={() => void schoolList.refetch()} />
        ) : !listed ? (
          <PageLoader />
        ) : listed.total === 0 ? (
          <EmptyState title={t.noSchools} />
        ) : (
          <div className="table-wrap">
            <Table data={listed.items} columns={mColumns} getRowDescriptor={(s) => ({ id: s.id })} wordWrap />
          </div>
        )}
        {listed && listed.total > PAGE_SIZE && (
          <div className="actions">
            <Pagination page={page} pageSize={PAGE_SIZE} total={listed.total} onUpdate={(p) => setPage(p)} />
          </div>
        )}
      </section>

      {manager && <RiskProfileImport cycleId={cycleId} />}

      <section className="panel" aria-labelledby="events-title">
        <h2 id="events-title" className="g-text g-text_variant_subheader-3">
          {t.eventsTitle}: {events.length}
        </h2>
        <div className="filters" role="search">
          <TextInput
            controlProps={{ 'aria-label': 'Поиск по мероприятиям' }}
            placeholder="Поиск по номеру или тексту"
            value={eventSearch}
            onUpdate={setEventSearch}
            hasClear
          />
          <Select
            aria-label={t.status}
            placeholder={t.status}
            multiple
            hasClear
            options={STATUS_OPTIONS}
            value={eventStatus}
            onUpdate={setEventStatus}
          />
        </div>
        {filteredEvents.length === 0 ? (
          <EmptyState title={t.noEvents} />
        ) : (
          <div className="table-wrap">
            <Table data={filteredEvents} columns={eColumns} getRowDescriptor={(e) => ({ id: e.id })} wordWrap />
          </div>
        )}
      </section>

      <EscalationPanel cycleId={cycleId} chain={c.escalationChain} />
    </>
  );
}
