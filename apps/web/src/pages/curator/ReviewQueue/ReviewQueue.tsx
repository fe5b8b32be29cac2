import { Alert, Button, Label, SegmentedRadioGroup, TextArea } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { FileRow } from '../../../components/files/FileList';
import { useSchoolFiles } from '../../../components/files/use-school-files';
import { EmptyState, ErrorState, InlineError, PageLoader } from '../../../components/PageState';
import { formatDateTime } from '../../../lib/format';
import { useMySchools, type MySchool } from '../../../lib/use-my-schools';
import { BASE_DOCUMENTS } from '../../school/OurSchool/documents';
import { t } from './i18n';
import './review-queue.css';

/** «На экспертизе»: the curator's queue; each document opens in place or downloads, and gets a decision. */
export default function ReviewQueue() {
  const mine = useMySchools();
  if (mine.pending) return <PageLoader />;
  if (mine.error) return <ErrorState error={mine.error} onRetry={mine.refetch} />;
  const queue = mine.schools
    .filter((s) => s.school.stage === 'expertise')
    .sort((a, b) => (a.school.updatedAt ?? '').localeCompare(b.school.updatedAt ?? ''));
  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">{t.title}</h1>
        {queue.length > 0 && <Label theme="info">{queue.length}</Label>}
      </div>
      {queue.length === 0 ? (
        <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>
      ) : (
        queue.map((item) => <SchoolReview key={`${item.cycle.id}/${item.school.id}`} item={item} />)
      )}
    </>
  );
}

type Decision = { verdict: 'approve' | 'return' | null; remarks: string };

function SchoolReview({ item }: { item: MySchool }) {
  const { cycle, school } = item;
  const queryClient = useQueryClient();
  const files = useSchoolFiles(cycle.id, school.id);
  const documents = BASE_DOCUMENTS;
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const decisionOf = (purpose: string): Decision => decisions[purpose] ?? { verdict: null, remarks: '' };
  const set = (purpose: string, patch: Partial<Decision>) =>
    setDecisions((d) => ({ ...d, [purpose]: { ...decisionOf(purpose), ...patch } }));
  const undecided = documents.filter((d) => decisionOf(d.purpose).verdict === null).length;
  const returned = documents.filter((d) => decisionOf(d.purpose).verdict === 'return');
  const remarksMissing = returned.some((d) => !decisionOf(d.purpose).remarks.trim());
  const decide = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/cycles/{id}/schools/{schoolId}/stage', {
          params: { path: { id: cycle.id, schoolId: school.id } },
          body:
            returned.length === 0
              ? { stage: 'expertise', decision: 'advance' }
              : {
                  stage: 'expertise',
                  decision: 'return',
                  remarks: returned.map((d) => `${d.title}: ${decisionOf(d.purpose).remarks.trim()}`).join('\n'),
                },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['cycle', cycle.id] }),
  });
  const canDecide = school.actions.length > 0;
  return (
    <section className="panel review" aria-labelledby={`review-${school.id}`} data-testid="review-item">
      <div className="review__head">
        <div>
          <h2 id={`review-${school.id}`} className="g-text g-text_variant_subheader-3">
            {school.name}
          </h2>
          <span className="muted">
            {cycle.title} · {t.round(school.round)}
            {school.updatedAt ? ` · ${t.since} ${formatDateTime(school.updatedAt, cycle.timezone)}` : ''}
          </span>
        </div>
        <Link to={`/cycles/${cycle.id}/schools/${school.id}`}>{t.openSchool}</Link>
      </div>
      {files.isPending ? (
        <PageLoader />
      ) : files.error ? (
        <ErrorState error={files.error} onRetry={() => void files.refetch()} />
      ) : (
        <ol className="review__documents">
          {documents.map((d) => {
            const versions = files.data.get(d.purpose) ?? [];
            const latest = versions[versions.length - 1];
            const decision = decisionOf(d.purpose);
            return (
              <li key={d.purpose} className="review__document" data-testid={`review-${d.purpose}`}>
                <h3 className="review__title">{d.title}</h3>
                {latest ? (
                  <ul className="file-list">
                    <FileRow
                      file={latest}
                      timeZone={cycle.timezone}
                      label={versions.length > 1 ? `Версия ${versions.length}` : undefined}
                    />
                  </ul>
                ) : (
                  <p className="muted">{t.noFile}</p>
                )}
                {canDecide && (
                  <div className="review__decision">
                    <SegmentedRadioGroup
                      name={`verdict-${school.id}-${d.purpose}`}
                      aria-label={`Решение: ${d.title}`}
                      value={decision.verdict ?? ''}
                      onUpdate={(v) => set(d.purpose, { verdict: v as Decision['verdict'] })}
                      options={[
                        { value: 'approve', content: t.approve },
                        { value: 'return', content: t.return },
                      ]}
                    />
                    {decision.verdict === 'return' && (
                      <TextArea
                        minRows={2}
                        controlProps={{ 'aria-label': `${t.remarks}: ${d.title}`, maxLength: 2000 }}
                        placeholder={t.remarksHint}
                        value={decision.remarks}
                        onUpdate={(v) => set(d.purpose, { remarks: v })}
                      />
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {canDecide && (
        <div className="review__footer">
          <span className="muted">
            {undecided > 0 ? t.undecided(undecided) : remarksMissing ? t.remarksMissing : t.decideHint}
          </span>
          <Button
            view="action"
            size="l"
            disabled={undecided > 0 || remarksMissing}
            loading={decide.isPending}
            onClick={() => decide.mutate()}
          >
            {t.decide}
          </Button>
        </div>
      )}
      {decide.isSuccess && (
        <Alert theme="success" message={decide.data.stage === 'monitoring' ? t.sentApproved : t.sentReturned} />
      )}
      <InlineError error={decide.error} title={t.rejected} />
    </section>
  );
}
