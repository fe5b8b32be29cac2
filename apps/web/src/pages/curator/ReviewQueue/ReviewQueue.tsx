import { Alert, Button, Label, SegmentedRadioGroup, TextArea } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { unwrap } from '../../../api/errors';
import { FileRow } from '../../../components/files/FileList';
import { useSchoolFiles } from '../../../components/files/use-school-files';
import { EmptyState, ErrorState, InlineError, PageLoader } from '../../../components/PageState';
import { formatDateTime } from '../../../lib/format';
import { useMySchools, type MySchool } from '../../../lib/use-my-schools';
import { schoolYearKey, useSchoolYear, type SchoolYearState } from '../../../lib/use-school-year';
import { t } from './i18n';
import './review-queue.css';

/** «На экспертизе»: the curator's queue; each document opens in place or downloads, and gets a decision. */
export default function ReviewQueue() {
  const { me } = useSession();
  const mine = useMySchools();
  // Shown above the queue: a decided school often leaves it at once (approved, or no longer this person's).
  const [sent, setSent] = useState<string | null>(null);
  if (mine.pending) return <PageLoader />;
  if (mine.error) return <ErrorState error={mine.error} onRetry={mine.refetch} />;
  // Only the schools this person reviews now (the assigned curator or a document's expert), not
  // every school a grant lets them read: a curator replaced by the coordinator no longer sees it.
  const queue = mine.schools
    .filter((s) => s.school.stage === 'expertise' && s.school.reviewerUserIds.includes(me.id))
    .sort((a, b) => (a.school.updatedAt ?? '').localeCompare(b.school.updatedAt ?? ''));
  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">{t.title}</h1>
        {queue.length > 0 && <Label theme="info">{queue.length}</Label>}
      </div>
      {sent && <Alert theme="success" message={sent} />}
      {queue.length === 0 ? (
        <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>
      ) : (
        queue.map((item) => <SchoolReview key={`${item.cycle.id}/${item.school.id}`} item={item} onSent={setSent} />)
      )}
    </>
  );
}

type Decision = { verdict: 'approve' | 'return' | null; remarks: string };

function SchoolReview({ item, onSent }: { item: MySchool; onSent: (message: string) => void }) {
  const { cycle, school } = item;
  const queryClient = useQueryClient();
  const files = useSchoolFiles(cycle.id, school.id);
  const year = useSchoolYear(school.id);
  const state = year.data?.state ?? null;
  // Only what is on review now and this person's to decide (an expert decides its documents, the
  // curator the rest): a returned document waits for the school.
  const mine = new Set(year.data?.reviewDocuments ?? []);
  const documents = (state?.documents ?? []).filter((d) => d.status === 'submitted' && mine.has(d.key));
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const decisionOf = (key: string): Decision => decisions[key] ?? { verdict: null, remarks: '' };
  const set = (key: string, patch: Partial<Decision>) =>
    setDecisions((d) => ({ ...d, [key]: { ...decisionOf(key), ...patch } }));
  const decided = documents.filter((d) => decisionOf(d.key).verdict !== null);
  const remarksMissing = decided.some(
    (d) => decisionOf(d.key).verdict === 'return' && !decisionOf(d.key).remarks.trim(),
  );
  const decide = useMutation({
    // One Update per document, in order; each answers the school's new state.
    mutationFn: async () => {
      let last: SchoolYearState | null = null;
      for (const d of decided) {
        const decision = decisionOf(d.key);
        last = await unwrap(
          api.POST('/api/schools/{id}/documents/{key}/review', {
            params: { path: { id: school.id, key: d.key } },
            body: {
              decision: decision.verdict as 'approve' | 'return',
              remarks: decision.verdict === 'return' ? decision.remarks.trim() : null,
            },
          }),
        );
      }
      return last;
    },
    onSuccess: (state) => {
      const returned = decided.some((d) => decisionOf(d.key).verdict === 'return');
      onSent(
        `${school.name}: ${returned ? t.sentReturned : state?.stage === 'monitoring' ? t.sentApproved : t.sentDecided}`,
      );
      setDecisions({});
      void queryClient.invalidateQueries({ queryKey: ['cycle', cycle.id] });
      void queryClient.invalidateQueries({ queryKey: schoolYearKey(school.id) });
    },
  });
  const canDecide = !!year.data?.actions.includes('reviewDocument') && documents.length > 0;
  return (
    <section className="panel review" aria-labelledby={`review-${school.id}`} data-testid="review-item">
      <div className="review__head">
        <div>
          <h2 id={`review-${school.id}`} className="g-text g-text_variant_subheader-3">
            {school.name}
          </h2>
          <span className="muted">
            {cycle.title} · {t.round(state?.round ?? school.round)}
            {school.updatedAt ? ` · ${t.since} ${formatDateTime(school.updatedAt, cycle.timezone)}` : ''}
          </span>
        </div>
        <Link to={`/cycles/${cycle.id}/schools/${school.id}`}>{t.openSchool}</Link>
      </div>
      {files.isPending || year.isPending ? (
        <PageLoader />
      ) : files.error || year.error ? (
        <ErrorState error={files.error ?? year.error} onRetry={() => void files.refetch()} />
      ) : documents.length === 0 ? (
        <p className="muted">{state?.rework ? t.waitingSchool : t.noFile}</p>
      ) : (
        <ol className="review__documents">
          {documents.map((d) => {
            const version = d.versions.at(-1);
            const file = (files.data.get(d.key) ?? []).find((f) => f.id === version?.fileId);
            const decision = decisionOf(d.key);
            return (
              <li key={d.key} className="review__document" data-testid={`review-${d.key}`}>
                <h3 className="review__title">
                  {d.title}
                  {d.reviewOverdue ? ` — ${t.late}` : ''}
                </h3>
                {file ? (
                  <ul className="file-list">
                    <FileRow
                      file={file}
                      timeZone={cycle.timezone}
                      label={d.versions.length > 1 ? `Версия ${d.versions.length}` : undefined}
                    />
                  </ul>
                ) : (
                  <p className="muted">{t.noFile}</p>
                )}
                {canDecide && (
                  <div className="review__decision">
                    <SegmentedRadioGroup
                      name={`verdict-${school.id}-${d.key}`}
                      aria-label={`Решение: ${d.title}`}
                      value={decision.verdict ?? ''}
                      onUpdate={(v) => set(d.key, { verdict: v as Decision['verdict'] })}
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
                        onUpdate={(v) => set(d.key, { remarks: v })}
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
            {decided.length === 0 ? t.undecided(documents.length) : remarksMissing ? t.remarksMissing : t.decideHint}
          </span>
          <Button
            view="action"
            size="l"
            disabled={decided.length === 0 || remarksMissing}
            loading={decide.isPending}
            onClick={() => decide.mutate()}
          >
            {t.decide}
          </Button>
        </div>
      )}
      <InlineError error={decide.error} title={t.rejected} />
    </section>
  );
}
