import { Button, Table } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { InlineError } from '../../../components/PageState';
import { MatchChoice } from '../../../components/match/MatchChoice';
import { matchDecision, unanswered, type MatchAnswer } from '../../../components/match/match-answer';
import { ImportPicker } from './ImportPicker';
import { useImportPreview } from './use-import-preview';
import { t } from './i18n';

type Preview = Schemas['DirectoryImportPreview'];
type Option = { value: string; content: string };

const rowStatus = (status: string | undefined) =>
  status === 'known' ? t.statusKnown : status === 'changed' ? t.statusChanged : t.statusNew;

/**
 * Schools and curators from a table: a preview that stores nothing, each school and workplace
 * matched to the directory with «"…" — это "…"?» to answer, then one confirm that stores all or none.
 */
export function ParticipantsImport(props: {
  schoolOptions: Option[];
  organisationOptions: Option[];
  onSaved: (message: string) => void;
}) {
  const { schoolOptions, organisationOptions } = props;
  // The person's answers to the preview's «"…" — это "…"?», by row.
  const [schoolAnswers, setSchoolAnswers] = useState<Record<number, MatchAnswer | undefined>>({});
  const [curatorAnswers, setCuratorAnswers] = useState<Record<number, MatchAnswer | undefined>>({});
  const { preview, setPreview, picker } = useImportPreview(
    (form) => unwrap(api.POST('/api/directory/import', { body: {} as never, bodySerializer: () => form })),
    () => {
      setSchoolAnswers({});
      setCuratorAnswers({});
    },
  );
  const confirm = useMutation({
    mutationFn: (p: Preview) =>
      unwrap(
        api.POST('/api/directory/import/confirm', {
          body: {
            municipality: p.municipality ?? undefined,
            schools: p.schools.map((s, i) => {
              const { id, asNew } = matchDecision(s.matchedSchoolId, schoolAnswers[i]);
              return { ...s, directorySchoolId: id, asNew };
            }),
            curators: p.curators.map((c, i) => {
              const { id, asNew } = matchDecision(c.workplaceMatchedId, curatorAnswers[i]);
              return { ...c, workplaceOrganisationId: id, workplaceAsNew: asNew };
            }),
          },
        }),
      ),
    onSuccess: (result) => {
      const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
      setPreview(null);
      props.onSaved(t.imported(sum(result.created), sum(result.matched)));
    },
  });

  const waiting = preview
    ? preview.schools.filter((s, i) => unanswered(s.match, schoolAnswers[i])).length +
      preview.curators.filter((c, i) => unanswered(c.workplaceMatch, curatorAnswers[i])).length
    : 0;

  return (
    <section className="panel" aria-labelledby="directory-import-title">
      <h2 id="directory-import-title" className="g-text g-text_variant_subheader-3">
        {t.importTitle}
      </h2>
      <p className="muted">{t.importHint}</p>
      <ImportPicker id="directory" fileLabel={t.file} municipalityLabel={t.municipality} {...picker} />
      {preview && (
        <>
          <Table
            data={preview.schools.map((s, i) => ({ ...s, i }))}
            getRowDescriptor={(s) => ({
              id: String(s.i),
              classNames: unanswered(s.match, schoolAnswers[s.i]) ? ['row_warning'] : [],
            })}
            wordWrap
            columns={[
              { id: 'name', name: t.colName },
              {
                id: 'match',
                name: t.colMatch,
                width: 360,
                template: (s) => (
                  <MatchChoice
                    spelling={s.name}
                    match={s.match}
                    matchedName={s.matchedSchoolName}
                    question={s.question}
                    answer={schoolAnswers[s.i]}
                    options={schoolOptions}
                    newLabel={t.newSchool}
                    onAnswer={(a) => setSchoolAnswers((all) => ({ ...all, [s.i]: a }))}
                  />
                ),
              },
              { id: 'shortName', name: t.colShortName, template: (s) => s.shortName ?? '—' },
              { id: 'officialCode', name: t.colCode, template: (s) => s.officialCode ?? '—' },
              {
                id: 'municipality',
                name: t.colMunicipality,
                template: (s) => s.municipality ?? preview.municipality ?? '—',
              },
              { id: 'category', name: t.colCategory, template: (s) => t.categories[s.category] ?? s.category },
              { id: 'director', name: t.colDirector, template: (s) => s.director ?? '—' },
              {
                id: 'status',
                name: t.colStatus,
                // A guess is known or new only once answered.
                template: (s) =>
                  s.match !== 'fuzzy'
                    ? rowStatus(s.status)
                    : unanswered(s.match, schoolAnswers[s.i])
                      ? '—'
                      : schoolAnswers[s.i]?.kind === 'new'
                        ? t.statusNew
                        : t.statusKnown,
              },
            ]}
          />
          <Table
            data={preview.curators.map((c, i) => ({ ...c, i }))}
            getRowDescriptor={(c) => ({
              id: String(c.i),
              classNames: unanswered(c.workplaceMatch, curatorAnswers[c.i]) ? ['row_warning'] : [],
            })}
            wordWrap
            columns={[
              { id: 'name', name: t.colName },
              { id: 'workplace', name: t.colWorkplace, template: (c) => c.workplace ?? '—' },
              {
                id: 'workplaceMatch',
                name: t.colMatch,
                width: 360,
                template: (c) => (
                  <MatchChoice
                    spelling={c.workplace ?? c.name}
                    match={c.workplaceMatch}
                    matchedName={c.workplaceMatchedName}
                    question={c.workplaceQuestion}
                    answer={curatorAnswers[c.i]}
                    options={organisationOptions}
                    newLabel={t.newOrganisation}
                    onAnswer={(a) => setCuratorAnswers((all) => ({ ...all, [c.i]: a }))}
                  />
                ),
              },
              { id: 'email', name: t.colEmail, template: (c) => c.email ?? '—' },
              { id: 'schools', name: t.colSchools, template: (c) => c.schools.join('; ') || '—' },
              { id: 'status', name: t.colStatus, template: (c) => rowStatus(c.status) },
            ]}
          />
          {preview.problems.length > 0 && (
            <>
              <h3 className="g-text g-text_variant_subheader-2">{t.problems}</h3>
              <ul>
                {preview.problems.map((p) => (
                  <li key={`${p.row}:${p.message}`}>
                    {p.row}: {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          <InlineError error={confirm.error} title={t.failed} />
          {waiting > 0 && <p className="warning-text">{t.waitingAnswers(waiting)}</p>}
          <div className="actions">
            <Button
              view="action"
              disabled={waiting > 0}
              loading={confirm.isPending}
              onClick={() => confirm.mutate(preview)}
            >
              {t.confirm}
            </Button>
            <Button view="flat" onClick={() => setPreview(null)}>
              {t.cancel}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
