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
import { CATEGORY_TITLES, stageTitle, type SchoolStage } from '../../../lib/words';
import { BASE_DOCUMENTS, type RequiredDocument } from './documents';
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
  const stage = school.stage as SchoolStage;
  const documents: readonly RequiredDocument[] = BASE_DOCUMENTS;
  const act = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/cycles/{id}/schools/{schoolId}/stage', {
          params: { path: { id: cycle.id, schoolId: school.id } },
          body: { stage, decision: 'advance' },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['cycle', cycle.id] }),
  });
  const missing = documents.filter((d) => !files.data?.get(d.purpose)?.length);
  const canAct = school.actions.includes('advance');
  return (
    <>
      <section className="panel school-head" aria-labelledby="school-name">
        <div>
          <h2 id="school-name" className="g-text g-text_variant_subheader-3">
            {school.name}
          </h2>
          <span className="muted">
            {CATEGORY_TITLES[school.category] ?? school.category} · {cycle.title}
            {school.curators.length ? ` · куратор: ${school.curators.join(', ')}` : ''}
          </span>
        </div>
        <div className="school-head__stage">
          <span className="muted">{t.stage}</span>
          <Label size="m" theme={school.stage === 'completed' ? 'success' : 'info'}>
            <span data-testid="our-school-stage">
              {stageTitle(school.stage)}
              {school.round > 1 ? `, круг ${school.round}` : ''}
            </span>
          </Label>
          <Link to={`/cycles/${cycle.id}/schools/${school.id}`}>Все этапы</Link>
        </div>
      </section>

      <section className="panel" aria-labelledby="todo-title">
        <h2 id="todo-title" className="g-text g-text_variant_subheader-3">
          {t.required}
        </h2>
        <p data-testid="todo-text">{todoText(stage, school.round)}</p>
        {stage === 'concept_documents' && canAct && (
          <>
            {missing.length > 0 && <Alert theme="warning" message={t.missingDocuments(missing.length)} />}
            <div className="actions">
              <Button
                view="action"
                size="l"
                disabled={missing.length > 0}
                loading={act.isPending}
                onClick={() => act.mutate()}
              >
                {school.round > 1 ? t.resubmit : t.submitDocuments}
              </Button>
            </div>
          </>
        )}
        <InlineError error={act.error} title={t.rejected} />
      </section>

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
            {documents.map((d) => (
              <div key={d.purpose} className="document" data-testid={`document-${d.purpose}`}>
                <h3 className="document__title">{d.title}</h3>
                <FileVersions files={files.data.get(d.purpose) ?? []} timeZone={cycle.timezone} />
                {stage === 'concept_documents' && canAct && (
                  <UploadDocument
                    id={`upload-${d.purpose}`}
                    cycleId={cycle.id}
                    schoolId={school.id}
                    purpose={d.purpose}
                    label={d.title}
                  />
                )}
              </div>
            ))}
          </div>
        )}
      </section>
    </>
  );
}

function todoText(stage: string, round: number): string {
  switch (stage) {
    case 'self_diagnosis':
      return 'Проведите самодиагностику: по каждому направлению риска укажите, подтверждается ли он, обоснование и планируемые меры.';
    case 'concept_documents':
      return round > 1
        ? 'Доработайте возвращенные документы по замечаниям эксперта, загрузите новые версии и отправьте на повторную экспертизу.'
        : 'Загрузите концепцию развития, среднесрочную программу и антирисковые программы, затем отправьте их на экспертизу.';
    case 'expertise':
      return t.waitReview;
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
