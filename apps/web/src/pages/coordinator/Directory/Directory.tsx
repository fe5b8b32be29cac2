import { Button, Table, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import type { Grant } from '../../../lib/roles';
import { unwrap } from '../../../api/errors';
import { FileInput } from '../../../components/FileInput';
import { EmptyState, ErrorState, InlineError, PageLoader } from '../../../components/PageState';
import { InvitePanel } from './InvitePanel';
import { t } from './i18n';

type Preview = Schemas['DirectoryImportPreview'];
type Organisation = Schemas['OrganisationView'];
type Person = Schemas['PersonView'];

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
      setDone(null);
    },
  });
  const confirm = useMutation({
    mutationFn: (p: Preview) =>
      unwrap(
        api.POST('/api/directory/import/confirm', {
          body: { municipality: p.municipality ?? undefined, schools: p.schools, curators: p.curators },
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
  const organisationName = new Map((organisations.data ?? []).map((o) => [o.id, o.name]));

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
        <div className="form-grid">
          <div className="field">
            <span className="field__label" aria-hidden>
              {t.file}
            </span>
            <FileInput id="directory-file" label={t.file} accept=".xlsx,.csv" file={file} onChange={setFile} />
          </div>
          <div className="field">
            <label htmlFor="directory-municipality">{t.municipality}</label>
            <TextInput id="directory-municipality" value={municipality} onUpdate={setMunicipality} />
          </div>
        </div>
        <div className="actions">
          <Button view="action" disabled={!file} loading={load.isPending} onClick={() => load.mutate()}>
            {t.preview}
          </Button>
        </div>
        <InlineError error={load.error} />
        {done && <p role="status">{done}</p>}
        {preview && (
          <>
            <Table
              data={preview.schools}
              getRowDescriptor={(s) => ({ id: s.name })}
              columns={[
                { id: 'name', name: t.colName },
                {
                  id: 'municipality',
                  name: t.colMunicipality,
                  template: (s) => s.municipality ?? preview.municipality ?? '—',
                },
                { id: 'category', name: t.colCategory, template: (s) => t.categories[s.category] ?? s.category },
                {
                  id: 'status',
                  name: t.colStatus,
                  template: (s) => (s.status === 'known' ? t.statusKnown : t.statusNew),
                },
              ]}
            />
            <Table
              data={preview.curators}
              getRowDescriptor={(c) => ({ id: c.name })}
              columns={[
                { id: 'name', name: t.colName },
                { id: 'workplace', name: t.organisations, template: (c) => c.workplace ?? '—' },
                { id: 'email', name: t.colEmail, template: (c) => c.email ?? '—' },
                { id: 'schools', name: t.colSchools, template: (c) => c.schools.join('; ') || '—' },
                {
                  id: 'status',
                  name: t.colStatus,
                  template: (c) => (c.status === 'known' ? t.statusKnown : t.statusNew),
                },
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
            <div className="actions">
              <Button view="action" loading={confirm.isPending} onClick={() => confirm.mutate(preview)}>
                {t.confirm}
              </Button>
              <Button view="flat" onClick={() => setPreview(null)}>
                {t.cancel}
              </Button>
            </div>
          </>
        )}
      </section>
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
            <Table
              data={schools.data}
              getRowDescriptor={(s) => ({ id: s.id })}
              wordWrap
              columns={[
                { id: 'fullName', name: t.colName },
                { id: 'email', name: t.colEmail, template: (s) => s.email ?? '—' },
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
            {inviting && (
              <InvitePanel
                key={inviting.id}
                person={inviting}
                organisations={organisations.data}
                schools={schools.data}
                pending={invite.isPending}
                onInvite={(grant) => invite.mutate({ person: inviting, grant })}
                onCancel={() => setInviting(null)}
              />
            )}
            <InlineError error={invite.error} title={t.failed} />
            <Table
              data={people.data}
              getRowDescriptor={(p) => ({ id: p.id })}
              wordWrap
              columns={[
                { id: 'fullName', name: t.colName },
                { id: 'position', name: t.colPosition, template: (p) => p.position ?? '—' },
                {
                  id: 'organisation',
                  name: t.organisations,
                  template: (p) => organisationName.get(p.organisationId ?? '') ?? '—',
                },
                { id: 'email', name: t.colEmail, template: (p) => p.email ?? '—' },
                { id: 'account', name: t.colAccount, template: (p) => t.accounts[p.account] ?? p.account },
                {
                  id: 'invite',
                  name: '',
                  width: 140,
                  template: (p) =>
                    p.account === 'none' && p.email && p.organisationId ? (
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
