import { Alert, Button, Label, Progress } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { ErrorState, InlineError, PageLoader } from '../../../components/PageState';
import { t } from './i18n';
import { launchProgress } from './launch-progress';
import { UnmatchedExecutors } from './UnmatchedExecutors';
import { CycleGroupExecutors } from './CycleGroupExecutors';

const STATUS_THEME = { pending: 'unknown', running: 'info', completed: 'success', failed: 'danger' } as const;

export default function LaunchProgress() {
  const { cycleId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const cycle = useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: () => unwrap(api.GET('/api/cycles/{id}', { params: { path: { id: cycleId } } })),
  });
  const launch = useQuery({
    queryKey: ['cycle-launch', cycleId],
    queryFn: () => unwrap(api.GET('/api/cycles/{id}/launch', { params: { path: { id: cycleId } } })),
    refetchInterval: (q) => (q.state.data && !launchProgress(q.state.data).active ? false : 1000),
  });
  const retry = useMutation({
    mutationFn: () => unwrap(api.POST('/api/cycles/{id}/launch', { params: { path: { id: cycleId } } })),
    onSuccess: (data) => {
      queryClient.setQueryData(['cycle-launch', cycleId], data);
      void launch.refetch();
    },
  });

  if (launch.isPending) return <PageLoader />;
  if (launch.error) return <ErrorState error={launch.error} onRetry={() => void launch.refetch()} />;
  const l = launch.data;
  const p = launchProgress(l);
  const finished = l.status === 'completed';
  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">
          {t.title}
          {cycle.data ? `: ${cycle.data.title}` : ''}
        </h1>
        <Label theme={STATUS_THEME[l.status]} size="m">
          {t.status[l.status]}
        </Label>
      </div>
      <section className="panel progress-block" aria-live="polite">
        <strong data-testid="launch-progress-text">{l.total ? t.progress(p.done, p.total) : t.planning}</strong>
        <Progress
          value={p.percent}
          text={`${p.percent} %`}
          theme={finished ? (l.failed ? 'warning' : 'success') : l.status === 'failed' ? 'danger' : 'info'}
          size="m"
        />
        <span className="muted">
          {t.counts(l.started, l.existing)}. {t.hint}
        </span>
        {finished && !l.failed && <Alert theme="success" message={t.done} />}
        {finished && l.failed > 0 && <Alert theme="warning" message={t.doneWithFailures(l.failed)} />}
        {l.status === 'failed' && <Alert theme="danger" message={t.interrupted} />}
        <div className="actions">
          {finished && (
            <Button view="action" size="l" onClick={() => void navigate(`/cycles/${cycleId}`)}>
              {t.openDashboard}
            </Button>
          )}
          {!p.active && (finished ? l.failed > 0 : true) && (
            <Button view="outlined-action" size="l" loading={retry.isPending} onClick={() => retry.mutate()}>
              {t.retry}
            </Button>
          )}
        </div>
        <InlineError error={retry.error} title={t.retryFailed} />
      </section>
      {l.failures.length > 0 && (
        <section className="panel" data-testid="launch-failures">
          <h2 className="g-text g-text_variant_subheader-3">
            {t.failuresTitle}: {l.failed}
          </h2>
          <p className="muted">{t.failuresHint}</p>
          <ul>
            {l.failures.map((f) => (
              <li key={`${f.kind}-${f.id}`}>
                {f.kind === 'school' ? t.school : t.event} «{f.name}»: {f.reason}
              </li>
            ))}
            {l.failed > l.failures.length && <li>{t.failuresMore(l.failed - l.failures.length)}</li>}
          </ul>
        </section>
      )}
      {cycle.data && <CycleGroupExecutors groups={cycle.data.executorGroups} />}
      {cycle.data && (
        <UnmatchedExecutors
          cycleId={cycleId}
          unmatched={cycle.data.unmatchedExecutors}
          withoutAddressee={cycle.data.executorsWithoutAddressee}
          groups={cycle.data.executorGroups.map((g) => g.name)}
        />
      )}
    </>
  );
}
