import { Button, Table, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import type { Grant } from '../../../lib/roles';
import { unwrap } from '../../../api/errors';
import { EmptyState, ErrorState, InlineError, PageLoader } from '../../../components/PageState';
import { AccountPanel } from './AccountPanel';
import { ta } from './account.i18n';
import { InvitePanel } from './InvitePanel';
import { EditPanel } from './EditPanel';
import { PeopleImport } from './PeopleImport';
import { ImportPicker } from './ImportPicker';
import { MatchChoice } from '../../../components/match/MatchChoice';
import { matchDecision, unanswered, type MatchAnswer } from '../../../components/match/match-answer';
import { t } from './i18n';

type Preview = Schemas['DirectoryImportPreview'];
type Organisation = Schemas['OrganisationView'];
type Person = Schemas['PersonView'];
type School = Schemas['DirectorySchoolView'];

const rowStatus = (status: string | undefined) =>
  status === 'known' ? t.statusKnown : status === 'changed' ? t.statusChanged : t.statusNew;

/** Browse the directory within the caller's scope, import participants with a preview, merge spellings, invite people. */
export default function Directory() {
  const queryClient = useQueryClient();
  const schools = useQuery({
    queryKey: ['directory', 'schools'],
    queryFn: () => unwrap(api.GET('/api/directory/schools')),
  });
  const organisations = useQuery({
    queryKey: ['directory', 'organisations'],
    queryFn: () => unwrap(api.GET('/api/directory/organisations')),
  });
  const people = useQuery({
    queryKey: ['directory', 'people'],
    queryFn: () => unwrap(api.GET('/api/directory/people')),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['directory'] });

  const [file, setFile] = useState<File | null>(null);
  const [municipality, setMunicipality] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useMutation({
    mutationFn: () => {
      const form = new FormData();
      if (file) form.append('file', file);
      if (municipality.trim()) form.append('municipality', municipality.trim());
      return unwrap(api.POST('/api/directory/import', { body: {} as never, bodySerializer: () => form }));
    },
    onSuccess: (result) => {
      setPreview(result);
      setSchoolAnswers({});
      setCuratorAnswers({});
      setDone(null);
    },
  });
  // The person's answers to the preview's «"…" — это "…"?», by row.
  const [schoolAnswers, setSchoolAnswers] = useState<Record<number, MatchAnswer | undefined>>({});
  const [curatorAnswers, setCuratorAnswers] = useState<Record<number, MatchAnswer | undefined>>({});
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
      setDone(t.imported(sum(result.created), sum(result.matched)));
      setPreview(null);
      refresh();
    },
  });

  const [aliasFor, setAliasFor] = useState<Record<string, string>>({});
  const alias = useMutation({
    mutationFn: (o: Organisation) =>
      unwrap(
        api.POST('/api/directory/organisations/{id}/aliases', {
          params: { path: { id: o.id } },
          body: { alias: (aliasFor[o.id] ?? '').trim() },
        }),
      ),
    onSuccess: (_r, o) => setAliasFor((all) => ({ ...all, [o.id]: '' })),
  });
  const [inviting, setInviting] = useState<Person | null>(null);
  const invite = useMutation({
    mutationFn: ({ person, grant }: { person: Person; grant: Grant }) =>
      unwrap(
        api.POST('/api/directory/people/{id}/invitation', {
          params: { path: { id: person.id } },
          body: { grants: [{ ...grant, scopeValue: grant.scopeValue?.trim() || undefined }] },
        }),
      ),
    onSuccess: (r) => {
      setDone(t.invited(r.email));
      setInviting(null);
      refresh();
    },
  });
  const [managing, setManaging] = useState<(Person & { userId: string }) | null>(null);
  const organisationName = new Map((organisations.data ?? []).map((o) => [o.id, o.name]));
  const schoolOptions = (schools.data ?? []).map((s) => ({ value: s.id, content: s.fullName }));
  const organisationOptions = (organisations.data ?? []).map((o) => ({ value: o.id, content: o.name }));
  const waiting = preview
    ? preview.schools.filter((s, i) => unanswered(s.match, schoolAnswers[i])).length +
      preview.curators.filter((c, i) => unanswered(c.workplaceMatch, curatorAnswers[i])).length
    : 0;
  const [editing, setEditing] = useState<{ school: School } | { person: Person } | null>(null);
  const edit = useMutation({
    mutationFn: (changes: Record<string, string | null | boolean>) =>
      editing && 'school' in editing
        ? unwrap(
            api.PATCH('/api/directory/schools/{id}', { params: { path: { id: editing.school.id } }, body: changes }),
          ).then((s) => s.fullName)
        : unwrap(
            api.PATCH('/api/directory/people/{id}', {
              params: { path: { id: (editing as { person: Person }).person.id } },
              body: changes,
            }),
          ).then((p) => p.fullName),
    onSuccess: (name) => {
      setDone(t.saved(name));
      setEditing(null);
      refresh();
    },
  });
  const startEditing = (next: { school: School } | { person: Person }) => {
    edit.reset();
    setEditing(next);
  };
  const editButton = (label: string, onClick: () => void) => (
    <Button size="s" view="outlined" aria-label={`${t.edit}: ${label}`} onClick={onClick}>
      {t.edit}
    </Button>
  );

  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">{t.title}</h1>
      </div>
      <section className="panel" aria-labelledby="directory-import-title">
        <h2 id="directory-import-title" className="g-text g-text_variant_subheader-3">
          {t.importTitle}
        </h2>
        <p className="muted">{t.importHint}</p>
        <ImportPicker
          id="directory"
          fileLabel={t.file}
          municipalityLabel={t.municipality}
          file={file}
          onFile={setFile}
          municipality={municipality}
          onMunicipality={setMunicipality}
          loading={load.isPending}
          error={load.error}
          onPreview={() => load.mutate()}
        />
        {done && <p role="status">{done}</p>}
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
      <PeopleImport onSaved={refresh} organisations={organisationOptions} />
      {schools.isPending || organisations.isPending || people.isPending ? (
        <PageLoader />
      ) : schools.error || organisations.error || people.error ? (
        <ErrorState
          error={schools.error ?? organisations.error ?? people.error}
          onRetry={() => {
            refresh();
          }}
        />
      ) : schools.data.length + organisations.data.length + people.data.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <>
          <section className="panel table-wrap" aria-label={t.schools}>
            <h2 className="g-text g-text_variant_subheader-3">{t.schools}</h2>
            {editing && 'school' in editing && (
              <EditPanel
                key={editing.school.id}
                title={`${t.editSchool}: ${editing.school.fullName}`}
                active={editing.school.active}
                pending={edit.isPending}
                error={edit.error}
                onSave={(changes) => edit.mutate(changes)}
                onCancel={() => setEditing(null)}
                fields={[
                  { key: 'fullName', label: t.colName, value: editing.school.fullName, required: true },
                  { key: 'shortName', label: t.colShortName, value: editing.school.shortName },
                  { key: 'officialCode', label: t.colCode, value: editing.school.officialCode },
                  { key: 'director', label: t.colDirector, value: editing.school.director },
                  { key: 'email', label: t.colEmail, value: editing.school.email },
                  { key: 'address', label: t.colAddress, value: editing.school.address },
                ]}
              />
            )}
            <Table
              data={schools.data}
              getRowDescriptor={(s) => ({ id: s.id })}
              wordWrap
              columns={[
                { id: 'fullName', name: t.colName },
                { id: 'shortName', name: t.colShortName, template: (s) => s.shortName ?? '—' },
                { id: 'officialCode', name: t.colCode, template: (s) => s.officialCode ?? '—' },
                { id: 'director', name: t.colDirector, template: (s) => s.director ?? '—' },
                { id: 'email', name: t.colEmail, template: (s) => s.email ?? '—' },
                { id: 'address', name: t.colAddress, template: (s) => s.address ?? '—' },
                { id: 'active', name: t.colActive, template: (s) => t.activeStates[String(s.active)] },
                {
                  id: 'edit',
                  name: '',
                  width: 120,
                  template: (s) => editButton(s.fullName, () => startEditing({ school: s })),
                },
              ]}
            />
          </section>
          <section className="panel table-wrap" aria-label={t.organisations}>
            <h2 className="g-text g-text_variant_subheader-3">{t.organisations}</h2>
            <InlineError error={alias.error} title={t.failed} />
            <Table
              data={organisations.data}
              getRowDescriptor={(o) => ({ id: o.id })}
              wordWrap
              columns={[
                { id: 'name', name: t.colName },
                { id: 'kind', name: t.colKind, template: (o) => t.kinds[o.kind] ?? o.kind },
                {
                  id: 'alias',
                  name: t.alias,
                  width: 320,
                  template: (o) => (
                    <div className="actions">
                      <TextInput
                        size="s"
                        controlProps={{ 'aria-label': `${t.alias}: ${o.name}` }}
                        value={aliasFor[o.id] ?? ''}
                        onUpdate={(v) => setAliasFor((all) => ({ ...all, [o.id]: v }))}
                      />
                      <Button
                        size="s"
                        view="outlined"
                        disabled={!(aliasFor[o.id] ?? '').trim()}
                        onClick={() => alias.mutate(o)}
                      >
                        {t.addAlias}
                      </Button>
                    </div>
                  ),
                },
              ]}
            />
          </section>
          <section className="panel table-wrap" aria-label={t.people}>
            <h2 className="g-text g-text_variant_subheader-3">{t.people}</h2>
            {editing && 'person' in editing && (
              <EditPanel
                key={editing.person.id}
                title={`${t.editPerson}: ${editing.person.fullName}`}
                active={editing.person.active}
                pending={edit.isPending}
                error={edit.error}
                onSave={(changes) => edit.mutate(changes)}
                onCancel={() => setEditing(null)}
                fields={[
                  { key: 'fullName', label: t.colFullName, value: editing.person.fullName, required: true },
                  { key: 'position', label: t.colPosition, value: editing.person.position },
                  { key: 'email', label: t.colEmail, value: editing.person.email },
                  { key: 'phone', label: t.colPhone, value: editing.person.phone },
                  {
                    key: 'organisationId',
                    label: t.colOrganisation,
                    value: editing.person.organisationId,
                    required: true,
                    options: (organisations.data ?? []).map((o) => ({ value: o.id, content: o.name })),
                  },
                ]}
              />
            )}
            {inviting && (
              <InvitePanel
                key={inviting.id}
                person={inviting}
                pending={invite.isPending}
                onInvite={(grant) => invite.mutate({ person: inviting, grant })}
                onCancel={() => setInviting(null)}
              />
            )}
            {managing && (
              <AccountPanel
                key={managing.userId}
                person={managing}
                organisations={organisations.data}
                schools={schools.data}
                onDone={(message) => {
                  setDone(message);
                  setManaging(null);
                  refresh();
                }}
                onCancel={() => setManaging(null)}
              />
            )}
            <InlineError error={invite.error} title={t.failed} />
            <Table
              data={people.data}
              getRowDescriptor={(p) => ({ id: p.id })}
              wordWrap
              columns={[
                { id: 'fullName', name: t.colFullName },
                { id: 'position', name: t.colPosition, template: (p) => p.position ?? '—' },
                {
                  id: 'organisation',
                  name: t.colOrganisation,
                  template: (p) => organisationName.get(p.organisationId ?? '') ?? '—',
                },
                { id: 'email', name: t.colEmail, template: (p) => p.email ?? '—' },
                { id: 'phone', name: t.colPhone, template: (p) => p.phone ?? '—' },
                { id: 'active', name: t.colActive, template: (p) => t.personActiveStates[String(p.active)] },
                { id: 'account', name: t.colAccount, template: (p) => t.accounts[p.account] ?? p.account },
                {
                  id: 'edit',
                  name: '',
                  width: 120,
                  template: (p) => editButton(p.fullName, () => startEditing({ person: p })),
                },
                {
                  id: 'invite',
                  name: '',
                  width: 160,
                  template: (p) =>
                    p.userId ? (
                      <Button
                        size="s"
                        view="outlined"
                        aria-label={`${ta.manage}: ${p.fullName}`}
                        onClick={() => setManaging({ ...p, userId: p.userId as string })}
                      >
                        {ta.manage}
                      </Button>
                    ) : p.active && p.account === 'none' && p.email && p.organisationId ? (
                      <Button
                        size="s"
                        view="outlined"
                        onClick={() => {
                          invite.reset();
                          setInviting(p);
                        }}
                      >
                        {t.invite}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </section>
        </>
      )}
    </>
  );
}
