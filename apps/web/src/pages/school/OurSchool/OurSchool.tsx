import { Alert, Button, Label, Select } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { FileVersions } from '../../../components/files/FileList';
import { UploadDocument } from '../../../components/files/UploadDocument';
import { useSchoolFiles } from '../../../components/files/use-school-files';
import { EmptyState, ErrorState, InlineError, PageLoader } from '../../../components/PageState';
import { useMySchools, type MySchool } from '../../../lib/use-my-schools';
import { formatDateTime } from '../../../lib/format';
import { schoolYearKey, useSchoolYear, type ConceptDocument, type SchoolYearState } from '../../../lib/use-school-year';
import { CATEGORY_TITLES, stageTitle } from '../../../lib/words';
import { diagnosisProblems, SelfDiagnosisForm, type DiagnosisAnswer } from './SelfDiagnosisForm';
import { t } from './i18n';
import './our-school.css';

/** «Наша школа»: the school team's current stage, what it must do, and the forms to do it. */
export default function OurSchool() {
  const mine = useMySchools();
  const [chosen, setChosen] = useState<string | null>(null);
  if (mine.pending) return <PageLoader />;
  if (mine.error) return <ErrorState error={mine.error} onRetry={mine.refetch} />;
  if (mine.schools.length === 0) return <EmptyState title={t.noSchool}>{t.noSchoolHint}</EmptyState>;
  const key = (s: MySchool) => `${s.cycle.id}/${s.school.id}`;
  const current = mine.schools.find((s) => key(s) === chosen) ?? mine.schools[0];
  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">{t.title}</h1>
        {mine.schools.length > 1 && (
          <Select
            label={`${t.chooseSchool}:`}
            value={[key(current)]}
            onUpdate={([v]) => setChosen(v ?? null)}
            options={mine.schools.map((s) => ({ value: key(s), content: `${s.school.name} — ${s.cycle.title}` }))}
          />
        )}
      </div>
      <SchoolWork key={key(current)} mine={current} />
    </>
  );
}

function SchoolWork({ mine }: { mine: MySchool }) {
  const { cycle, school } = mine;
  const queryClient = useQueryClient();
  const files = useSchoolFiles(cycle.id, school.id);
  const year = useSchoolYear(school.id);
  const state = year.data?.state ?? null;
  const stage = state?.stage ?? school.stage;
  const documents = state?.documents ?? [];
  const latestUpload = (d: ConceptDocument) => files.data?.get(d.key)?.at(-1);
  const open = documents.filter((d) => d.status === 'missing' || d.status === 'returned');
  // Ready: a new upload since the version the workflow last received.
  const ready = open.filter((d) => {
    const upload = latestUpload(d);
    return !!upload && upload.id !== d.versions.at(-1)?.fileId;
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['cycle', cycle.id] });
    void queryClient.invalidateQueries({ queryKey: schoolYearKey(school.id) });
  };
  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/schools/{id}/documents', {
          params: { path: { id: school.id } },
          body: {
            documents: ready.map((d) => {
              const upload = latestUpload(d)!;
              return { key: d.key, fileId: upload.id, fileName: upload.name };
            }),
          },
        }),
      ),
    onSuccess: refresh,
  });
  const isTeam = !!year.data?.capacities.schoolTeam;
  const canUpload = isTeam && (stage === 'concept_documents' || (stage === 'expertise' && !!state?.rework));
  return (
    <>
      <section className="panel school-head" aria-labelledby="school-name">
        <div>
          <h2 id="school-name" className="g-text g-text_variant_subheader-3">
            {school.name}
          </h2>
          <span className="muted">
            {CATEGORY_TITLES[school.category] ?? school.category} · {cycle.title}
            {state?.curator ? ` · куратор: ${state.curator.name}` : ''}
          </span>
        </div>
        <div className="school-head__stage">
          <span className="muted">{t.stage}</span>
          <Label size="m" theme={stage === 'completed' ? 'success' : state?.overdue ? 'danger' : 'info'}>
            <span data-testid="our-school-stage">
              {state?.rework ? t.rework : stageTitle(stage)}
              {(state?.round ?? school.round) > 1 ? `, круг ${state?.round ?? school.round}` : ''}
            </span>
          </Label>
          {state?.dueAt && (
            <span className="muted">
              {t.due}: {formatDateTime(state.dueAt, cycle.timezone)}
              {state.overdue ? ` — ${t.overdue}` : ''}
            </span>
          )}
          <Link to={`/cycles/${cycle.id}/schools/${school.id}`}>Все этапы</Link>
        </div>
      </section>

      <section className="panel" aria-labelledby="todo-title">
        <h2 id="todo-title" className="g-text g-text_variant_subheader-3">
          {t.required}
        </h2>
        <p data-testid="todo-text">{todoText(stage, !!state?.rework)}</p>
        {stage === 'self_diagnosis' && isTeam && state && (
          <DiagnosisStep schoolId={school.id} state={state} onDone={refresh} />
        )}
        {canUpload && (
          <>
            {ready.length < open.length && (
              <Alert theme="warning" message={t.missingDocuments(open.length - ready.length)} />
            )}
            <div className="actions">
              <Button
                view="action"
                size="l"
                disabled={ready.length === 0}
                loading={submit.isPending}
                onClick={() => submit.mutate()}
              >
                {stage === 'expertise' ? t.resubmit : t.submitDocuments}
              </Button>
            </div>
          </>
        )}
        <InlineError error={submit.error ?? year.error} title={t.rejected} />
      </section>

      {documents.length > 0 && (
        <section className="panel" aria-labelledby="documents-title">
          <h2 id="documents-title" className="g-text g-text_variant_subheader-3">
            {t.documents}
          </h2>
          {files.isPending ? (
            <PageLoader />
          ) : files.error ? (
            <ErrorState error={files.error} onRetry={() => void files.refetch()} />
          ) : (
            <div className="documents">
              {documents.map((d) => {
                const remarks = d.status === 'returned' ? d.reviews.at(-1)?.remarks : null;
                return (
                  <div key={d.key} className="document" data-testid={`document-${d.key}`}>
                    <h3 className="document__title">{d.title}</h3>
                    <span className="muted" data-testid={`document-status-${d.key}`}>
                      {ready.includes(d) ? t.documentStatus.uploaded : t.documentStatus[d.status]}
                      {d.round > 1 ? ` · круг ${d.round}` : ''}
                    </span>
                    {remarks && <Alert theme="warning" title={t.remarks} message={remarks} />}
                    <FileVersions files={files.data.get(d.key) ?? []} timeZone={cycle.timezone} />
                    {canUpload && (d.status === 'missing' || d.status === 'returned') && (
                      <UploadDocument
                        id={`upload-${d.key.replace(/[^a-z0-9_-]/g, '-')}`}
                        cycleId={cycle.id}
                        schoolId={school.id}
                        purpose={d.key}
                        label={d.title}
                      />
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </section>
      )}
    </>
  );
}

/** The self-diagnosis table for the flagged directions, sent to the workflow as one action. */
function DiagnosisStep({ schoolId, state, onDone }: { schoolId: string; state: SchoolYearState; onDone: () => void }) {
  const [rows, setRows] = useState<DiagnosisAnswer[]>(() =>
    state.flaggedDirections.map((id) => ({
      directionId: id,
      title: state.riskDirections.find((d) => d.id === id)?.title ?? id,
      confirmed: null,
      justification: '',
      measures: '',
    })),
  );
  const [tried, setTried] = useState(false);
  const problems = diagnosisProblems(rows);
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/schools/{id}/self-diagnosis', {
          params: { path: { id: schoolId } },
          body: {
            answers: rows.map((r) => ({
              directionId: r.directionId,
              confirmed: !!r.confirmed,
              justification: r.justification,
              measures: r.measures,
            })),
          },
        }),
      ),
    onSuccess: onDone,
  });
  return (
    <>
      <SelfDiagnosisForm rows={rows} onChange={setRows} showProblems={tried} />
      {tried && problems.size > 0 && <Alert theme="warning" message={t.diagnosisHasProblems(problems.size)} />}
      <div className="actions">
        <Button
          view="action"
          size="l"
          loading={send.isPending}
          onClick={() => {
            setTried(true);
            if (problems.size === 0) send.mutate();
          }}
        >
          {t.submitDiagnosis}
        </Button>
      </div>
      {send.isSuccess && <Alert theme="success" message={t.diagnosisSent} />}
      <InlineError error={send.error} title={t.rejected} />
    </>
  );
}

function todoText(stage: string, rework: boolean): string {
  switch (stage) {
    case 'self_diagnosis':
      return 'Проведите самодиагностику: по каждому направлению риска укажите, подтверждается ли он, обоснование и планируемые меры.';
    case 'concept_documents':
      return rework
        ? 'Доработайте возвращенные документы по замечаниям эксперта, загрузите новые версии и отправьте на повторную экспертизу.'
        : 'Загрузите концепцию развития, среднесрочную программу и антирисковые программы, затем отправьте их на экспертизу.';
    case 'expertise':
      return rework
        ? 'Доработайте возвращенные документы по замечаниям, загрузите новые версии и отправьте на повторную экспертизу.'
        : t.waitReview;
    case 'risk_profile':
      return 'Координатор вносит рисковый профиль школы; после этого откроется самодиагностика.';
    case 'withdrawn':
      return 'Школа выбыла из цикла.';
    case 'monitoring':
      return 'Документы приняты. Идет мониторинг: в контрольные точки сообщайте значения показателей антирисковых программ.';
    case 'report':
      return 'Подготовьте и отправьте итоговый отчет.';
    case 'completed':
      return 'Школа прошла все этапы цикла.';
    default:
      return 'Процесс школы еще не начался.';
  }
}
