import { Button, Table } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { InlineError } from '../../../components/PageState';
import { ImportPicker } from './ImportPicker';
import { useImportPreview } from './use-import-preview';
import { MatchChoice } from '../../../components/match/MatchChoice';
import { matchDecision, unanswered, type MatchAnswer } from '../../../components/match/match-answer';
import { t } from './i18n';

type Preview = Schemas['PeopleImportPreview'];

/** People (ФИО, должность, e-mail, телефон, организация) from a table: a preview with each bad cell named, then one save. */
export function PeopleImport(props: {
  onSaved: () => void;
  /** The directory's organisations a person may pick after «Нет». */
  organisations: { value: string; content: string }[];
}) {
  // The person's answers to «"…" — это "…"?» about a row's organisation, by row.
  const [answers, setAnswers] = useState<Record<number, MatchAnswer | undefined>>({});
  const [done, setDone] = useState<string | null>(null);
  const { preview, setPreview, picker } = useImportPreview(
    (form) => unwrap(api.POST('/api/directory/people-import', { body: {} as never, bodySerializer: () => form })),
    () => {
      setAnswers({});
      setDone(null);
    },
  );
  const confirm = useMutation({
    mutationFn: (p: Preview) =>
      unwrap(
        api.POST('/api/directory/people-import/confirm', {
          body: {
            municipality: p.municipality ?? undefined,
            people: p.people.map((person, i) => {
              const { id, asNew } = matchDecision(person.matchedOrganisationId, answers[i]);
              return { ...person, organisationId: id, organisationAsNew: asNew };
            }),
          },
        }),
      ),
    onSuccess: (r) => {
      setDone(t.peopleImported(r.created.people, r.updated.people, r.unchanged.people));
      setPreview(null);
      props.onSaved();
    },
  });
  const waiting = preview ? preview.people.filter((p, i) => unanswered(p.organisationMatch, answers[i])).length : 0;
  return (
    <section className="panel" aria-labelledby="people-import-title">
      <h2 id="people-import-title" className="g-text g-text_variant_subheader-3">
        {t.peopleImportTitle}
      </h2>
      <p className="muted">{t.peopleImportHint}</p>
      <ImportPicker id="people" fileLabel={t.peopleFile} municipalityLabel={t.peopleMunicipality} {...picker} />
      {done && <p role="status">{done}</p>}
      {preview && (
        <>
          <Table
            data={preview.people.map((p, i) => ({ ...p, i }))}
            getRowDescriptor={(p) => ({
              id: String(p.i),
              classNames: unanswered(p.organisationMatch, answers[p.i]) ? ['row_warning'] : [],
            })}
            wordWrap
            columns={[
              { id: 'row', name: t.colRow, template: (p) => p.row ?? '—' },
              { id: 'fullName', name: t.colFullName },
              { id: 'position', name: t.colPosition, template: (p) => p.position ?? '—' },
              { id: 'email', name: t.colEmail, template: (p) => p.email ?? '—' },
              { id: 'phone', name: t.colPhone, template: (p) => p.phone ?? '—' },
              {
                id: 'organisation',
                name: t.colOrganisation,
                width: 360,
                template: (p) =>
                  p.organisationMatch === 'fuzzy' ? (
                    <MatchChoice
                      spelling={p.organisation}
                      match={p.organisationMatch}
                      matchedName={p.matchedOrganisationName}
                      question={p.organisationQuestion}
                      answer={answers[p.i]}
                      options={props.organisations}
                      newLabel={t.newOrganisation}
                      onAnswer={(a) => setAnswers((all) => ({ ...all, [p.i]: a }))}
                    />
                  ) : p.organisationStatus === 'new' ? (
                    `${p.organisation} (${t.organisationNew})`
                  ) : (
                    p.organisation
                  ),
              },
              { id: 'status', name: t.colStatus, template: (p) => t.personStatuses[p.status ?? 'new'] },
            ]}
          />
          {preview.problems.length > 0 && (
            <>
              <h3 className="g-text g-text_variant_subheader-2">{t.problems}</h3>
              <ul aria-label={t.problems}>
                {preview.problems.map((p) => (
                  <li key={`${p.row}:${p.column ?? ''}:${p.message}`}>
                    {p.row}
                    {p.column ? `, ${t.column} «${p.column}»` : ''}: {p.message}
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
              disabled={preview.people.length === 0 || waiting > 0}
              loading={confirm.isPending}
              onClick={() => confirm.mutate(preview)}
            >
              {t.confirmPeople(preview.people.length)}
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
