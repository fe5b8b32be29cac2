import { Alert, Button, Progress } from '@gravity-ui/uikit';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { ErrorState, InlineError, PageLoader } from '../../../components/PageState';
import { t } from './i18n';
import { launchProgress } from './launch-progress';
import { UnmatchedExecutors } from './UnmatchedExecutors';

/** After this long without news a process is listed as not responding, with a retry. */
const STUCK_AFTER_MS = 30_000;

export default function LaunchProgress() {
  const { cycleId = '' } = useParams();
  const navigate = useNavigate();
  const [since, setSince] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const cycle = useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: () => unwrap(api.GET('/api/cycles/{id}', { params: { path: { id: cycleId } } })),
    refetchInterval: (q) => (q.state.data && launchProgress(q.state.data).pending.length === 0 ? false : 1000),
  });
  const retry = useMutation({
    mutationFn: () => unwrap(api.POST('/api/cycles/{id}/launch', { params: { path: { id: cycleId } } })),
    onSuccess: () => {
      setSince(Date.now());
      void cycle.refetch();
    },
  });
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (cycle.isPending) return <PageLoader />;
  if (cycle.error) return <ErrorState error={cycle.error} onRetry={() => void cycle.refetch()} />;
  const p = launchProgress(cycle.data);
  const complete = p.pending.length === 0;
  const stuck = !complete && now - since > STUCK_AFTER_MS;
  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">
          {t.title}: {cycle.data.title}
        </h1>
      </div>
      <section className="panel progress-block" aria-live="polite">
        <strong data-testid="launch-progress-text">{t.progress(p.reported, p.total)}</strong>
        <Progress
          value={p.percent}
          text={`${p.percent} %`}
          theme={complete ? 'success' : stuck ? 'warning' : 'info'}
          size="m"
        />
        <span className="muted">{t.hint}</span>
        {complete && (
          <>
            <Alert theme="success" message={t.done} />
            <div className="actions">
              <Button view="action" size="l" onClick={() => void navigate(`/cycles/${cycleId}`)}>
                {t.openDashboard}
              </Button>
            </div>
          </>
        )}
        {retry.data && (
          <Alert theme="info" message={t.retried(retry.data.launch?.started ?? 0, retry.data.launch?.existing ?? 0)} />
        )}
        <InlineError error={retry.error} title={t.retryFailed} />
      </section>
      {stuck && (
        <section className="panel">
          <h2 className="g-text g-text_variant_subheader-3">
            {t.stuckTitle}: {p.pending.length}
          </h2>
          <p className="muted">{t.stuckHint}</p>
          <ul>
            {p.pending.slice(0, 50).map((x) => (
              <li key={x.id}>
                {x.kind === 'school' ? t.school : t.event}: {x.name}
              </li>
            ))}
          </ul>
          <Button view="action" loading={retry.isPending} onClick={() => retry.mutate()}>
            {t.retry}
          </Button>
        </section>
      )}
      <UnmatchedExecutors
        cycleId={cycleId}
        unmatched={cycle.data.unmatchedExecutors}
        withoutAddressee={cycle.data.executorsWithoutAddressee}
      />
    </>
  );
}
