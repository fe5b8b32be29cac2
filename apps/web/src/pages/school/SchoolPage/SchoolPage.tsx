import { Alert, Button, Label, TextArea } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { hasRole, MANAGER_ROLES, useSession } from '../../../auth/session';
import { EmptyState, ErrorState, InlineError, PageLoader } from '../../../components/PageState';
import { formatDateTime } from '../../../lib/format';
import { cellState } from '../../../lib/matrix';
import { CATEGORY_TITLES, PIPELINE, STAGE_TITLES, stageTitle, type SchoolStage } from '../../../lib/words';
import { t } from './i18n';

export default function SchoolPage() {
  const { cycleId = '', schoolId = '' } = useParams();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const [remarks, setRemarks] = useState('');
  const cycle = useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: () => unwrap(api.GET('/api/cycles/{id}', { params: { path: { id: cycleId } } })),
  });
  const canReadAudit = hasRole(me, ...MANAGER_ROLES, 'supervisor');
  const history = useQuery({
    queryKey: ['audit', 'school', schoolId],
    enabled: canReadAudit,
    queryFn: () =>
      unwrap(api.GET('/api/audit', { params: { query: { targetType: 'school', targetId: schoolId, limit: 50 } } })),
  });
  const act = useMutation({
    mutationFn: (input: { stage: SchoolStage; decision: 'advance' | 'return' }) =>
      unwrap(
        api.POST('/api/cycles/{id}/schools/{schoolId}/stage', {
          params: { path: { id: cycleId, schoolId } },
          body: { ...input, remarks: remarks.trim() || undefined },
        }),
      ),
    onSuccess: () => {
      setRemarks('');
      void queryClient.invalidateQueries({ queryKey: ['cycle', cycleId] });
      void queryClient.invalidateQueries({ queryKey: ['audit', 'school', schoolId] });
    },
  });

  if (cycle.isPending) return <PageLoader />;
  if (cycle.error) return <ErrorState error={cycle.error} onRetry={() => void cycle.refetch()} />;
  const school = cycle.data.schools.find((s) => s.id === schoolId);
  if (!school) return <EmptyState title="Школа не найдена">Ее нет в этом цикле или она вне вашей области.</EmptyState>;
  const tz = cycle.data.timezone;
  const stage = school.stage as SchoolStage;

  return (
    <>
      <Link to={`/cycles/${cycleId}`}>{t.back}</Link>
      <div className="page-title">
        <div>
          <h1 className="g-text g-text_variant_header-2">{school.name}</h1>
          <span className="muted">
            {CATEGORY_TITLES[school.category] ?? school.category}
            {school.municipality ? ` · ${school.municipality}` : ''}
            {school.curators.length ? ` · куратор: ${school.curators.join(', ')}` : ''} · {cycle.data.title}
          </span>
        </div>
        <Label size="m" theme={school.stage === 'completed' ? 'success' : 'info'}>
          <span data-testid="school-stage">
            {stageTitle(school.stage)}
            {school.round > 1 ? `, ${t.round(school.round)}` : ''}
          </span>
        </Label>
      </div>

      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="g-text g-text_variant_subheader-3">
          {t.timeline}
        </h2>
        {school.stage === 'not_started' && <Alert theme="info" message={t.notStarted} />}
        <ol className="timeline">
          {PIPELINE.map((s) => {
            const state = cellState(school.stage, s);
            return (
              <li key={s} className="timeline__item" aria-current={state === 'current' ? 'step' : undefined}>
                <span className={`timeline__dot dot_${state}`} aria-hidden />
                <div>
                  <strong>{STAGE_TITLES[s]}</strong>{' '}
                  <span className="muted">
                    — {state === 'done' ? t.done : state === 'current' ? t.current : t.todo}
                  </span>
                  {state === 'current' && school.updatedAt && (
                    <div className="muted">
                      {t.lastChange}: {formatDateTime(school.updatedAt, tz)}
                    </div>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        {school.stage === 'completed' && <Alert theme="success" message={t.completed} />}
      </section>

      <section className="panel" aria-labelledby="actions-title">
        <h2 id="actions-title" className="g-text g-text_variant_subheader-3">
          {t.actionsTitle}
        </h2>
        {school.actions.length === 0 ? (
          <p className="muted" data-testid="no-actions">
            {t.noActions}
          </p>
        ) : (
          <>
            {school.actions.includes('return') && (
              <div className="field">
                <label htmlFor="remarks">{t.remarks}</label>
                <TextArea id="remarks" minRows={3} value={remarks} onUpdate={setRemarks} placeholder={t.remarksHint} />
              </div>
            )}
            <div className="actions">
              <Button
                view="action"
                size="l"
                loading={act.isPending && act.variables?.decision === 'advance'}
                onClick={() => act.mutate({ stage, decision: 'advance' })}
              >
                {t.advance}
              </Button>
              {school.actions.includes('return') && (
                <Button
                  view="outlined-danger"
                  size="l"
                  disabled={!remarks.trim()}
                  loading={act.isPending && act.variables?.decision === 'return'}
                  onClick={() => act.mutate({ stage, decision: 'return' })}
                >
                  {t.return}
                </Button>
              )}
            </div>
          </>
        )}
        {act.isSuccess && <Alert theme="success" message={`${t.accepted}: ${stageTitle(act.data.stage)}`} />}
        <InlineError error={act.error} title={t.rejected} />
      </section>

      {canReadAudit && (
        <section className="panel" aria-labelledby="history-title">
          <h2 id="history-title" className="g-text g-text_variant_subheader-3">
            {t.history}
          </h2>
          {history.isPending ? (
            <PageLoader />
          ) : history.error ? (
            <ErrorState error={history.error} />
          ) : history.data.items.length === 0 ? (
            <p className="muted">Действий по школе пока не было.</p>
          ) : (
            <ul>
              {history.data.items.map((h) => (
                <li key={h.id}>
                  {formatDateTime(h.at, tz)} — {h.actorEmail ?? 'система'}:{' '}
                  {h.action === 'school.stage.advance'
                    ? 'этап выполнен'
                    : h.action === 'school.stage.return'
                      ? 'возврат на доработку'
                      : h.action}
                  {stageOf(h.details) ? ` («${stageTitle(stageOf(h.details)!)}»)` : ''}
                  {h.outcome !== 'success' ? ` — ${h.outcome === 'denied' ? 'отказано' : 'не выполнено'}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

function stageOf(details: object): string | null {
  const stage = (details as Record<string, unknown>).stage;
  return typeof stage === 'string' ? stage : null;
}
