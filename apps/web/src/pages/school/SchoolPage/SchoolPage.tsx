import { Alert, Label } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { EmptyState, ErrorState, PageLoader } from '../../../components/PageState';
import { formatDateTime } from '../../../lib/format';
import { cellState } from '../../../lib/matrix';
import { CATEGORY_TITLES, YEAR_STAGES, STAGE_TITLES, stageTitle } from '../../../lib/words';
import { CoordinatorControls } from './CoordinatorControls';
import { OtherCycles } from './OtherCycles';
import { t } from './i18n';

/**
 * A school's year as the read model has it: stage, due date, curator, and every step with who and
 * when. The forms of each stage (self-diagnosis, uploads, expertise) live on the role pages.
 */
export default function SchoolPage() {
  const { cycleId = '', schoolId = '' } = useParams();
  const cycle = useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: () => unwrap(api.GET('/api/cycles/{id}', { params: { path: { id: cycleId } } })),
  });
  const year = useQuery({
    queryKey: ['school-year', schoolId],
    queryFn: () => unwrap(api.GET('/api/schools/{id}', { params: { path: { id: schoolId } } })),
  });
  const timeline = useQuery({
    queryKey: ['school-timeline', schoolId],
    queryFn: () => unwrap(api.GET('/api/schools/{id}/timeline', { params: { path: { id: schoolId } } })),
  });

  if (cycle.isPending) return <PageLoader />;
  if (cycle.error) return <ErrorState error={cycle.error} onRetry={() => void cycle.refetch()} />;
  const school = cycle.data.schools.find((s) => s.id === schoolId);
  if (!school) return <EmptyState title="Школа не найдена">Ее нет в этом цикле или она вне вашей области.</EmptyState>;
  const tz = cycle.data.timezone;
  const state = year.data?.state ?? null;

  return (
    <>
      <Link to={`/cycles/${cycleId}`}>{t.back}</Link>
      <div className="page-title">
        <div>
          <h1 className="g-text g-text_variant_header-2">{school.name}</h1>
          <span className="muted">
            {CATEGORY_TITLES[school.category] ?? school.category}
            {school.municipality ? ` · ${school.municipality}` : ''} · {t.curator}:{' '}
            {state?.curator?.name ?? (school.curators.length ? school.curators.join(', ') : t.noCurator)} ·{' '}
            {cycle.data.title}
          </span>
        </div>
        <Label
          size="m"
          theme={
            school.stage === 'completed'
              ? 'success'
              : state?.overdue
                ? 'danger'
                : school.stage === 'withdrawn'
                  ? 'unknown'
                  : 'info'
          }
        >
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
        {state?.dueAt && (
          <p data-testid="school-due">
            {t.due}: {formatDateTime(state.dueAt, tz)}
            {state.overdue ? ` — ${t.overdue}` : ''}
            {state.rework ? ` · ${t.rework}` : ''}
          </p>
        )}
        <ol className="timeline">
          {YEAR_STAGES.map((s) => {
            const cell = cellState(school.stage, s);
            return (
              <li key={s} className="timeline__item" aria-current={cell === 'current' ? 'step' : undefined}>
                <span className={`timeline__dot dot_${cell}`} aria-hidden />
                <div>
                  <strong>{STAGE_TITLES[s]}</strong>{' '}
                  <span className="muted">— {cell === 'done' ? t.done : cell === 'current' ? t.current : t.todo}</span>
                  {cell === 'current' && school.updatedAt && (
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
        {school.stage === 'withdrawn' && (
          <Alert theme="warning" message={`${t.withdrawn}: ${state?.withdrawal?.reason ?? ''}`} />
        )}
      </section>

      {state && year.data && <CoordinatorControls state={state} cycleId={cycleId} actions={year.data.actions} />}

      <OtherCycles schoolId={schoolId} />

      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title" className="g-text g-text_variant_subheader-3">
          {t.history}
        </h2>
        {timeline.isPending ? (
          <PageLoader />
        ) : timeline.error ? (
          <ErrorState error={timeline.error} />
        ) : timeline.data.steps.length === 0 ? (
          <p className="muted">{t.noSteps}</p>
        ) : (
          <ul data-testid="school-timeline">
            {timeline.data.steps.map((step) => (
              <li key={step.step}>
                {formatDateTime(step.at, tz)} — {step.actor?.name ?? t.system}: {t.actions[step.action] ?? step.action}
                {step.action === 'stage_changed' ? ` «${stageTitle(step.stage)}»` : ''}
                {step.round > 1 ? ` (${t.round(step.round)})` : ''}
                {step.remarks ? ` — ${step.remarks}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
