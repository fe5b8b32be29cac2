import { Button, PasswordInput, Table, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { EmptyState, ErrorState, InlineError, PageLoader } from '../../../components/PageState';
import { grantText, type Grant } from '../../../lib/roles';
import { GrantsEditor } from './GrantsEditor';
import { t } from './i18n';

type User = Schemas['MeView'];
type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

export default function Users() {
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.GET('/api/users')) });
  const [editing, setEditing] = useState<Editing>(null);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [grants, setGrants] = useState<Grant[]>([]);

  const open = (next: Editing) => {
    setEditing(next);
    setEmail('');
    setPassword('');
    setName(next?.mode === 'edit' ? next.user.displayName : '');
    setGrants(
      next?.mode === 'edit'
        ? next.user.grants.map((g) => ({ role: g.role, scopeKind: g.scopeKind, scopeValue: g.scopeValue ?? undefined }))
        : [{ role: 'supervisor', scopeKind: 'global' }],
    );
  };
  const save = useMutation({
    mutationFn: () =>
      editing?.mode === 'edit'
        ? unwrap(
            api.PUT('/api/users/{id}', {
              params: { path: { id: editing.user.id } },
              body: { displayName: name.trim(), grants },
            }),
          )
        : unwrap(
            api.POST('/api/users', {
              body: { email: email.trim(), displayName: name.trim(), password: password || undefined, grants },
            }),
          ),
    onSuccess: () => {
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });

  return (
    <>
      <div className="page-title">
        <h1 className="g-text g-text_variant_header-2">{t.title}</h1>
        <Button view="action" size="l" onClick={() => open({ mode: 'create' })}>
          {t.create}
        </Button>
      </div>
      {editing && (
        <section className="panel" aria-labelledby="user-form-title">
          <h2 id="user-form-title" className="g-text g-text_variant_subheader-3">
            {editing.mode === 'edit' ? t.editTitle(editing.user.email) : t.createTitle}
          </h2>
          <div className="form-grid">
            {editing.mode === 'create' && (
              <div className="field">
                <label htmlFor="user-email">{t.email}</label>
                <TextInput id="user-email" type="email" value={email} onUpdate={setEmail} />
              </div>
            )}
            <div className="field">
              <label htmlFor="user-name">{t.name}</label>
              <TextInput id="user-name" value={name} onUpdate={setName} />
            </div>
            {editing.mode === 'create' && (
              <div className="field">
                <label htmlFor="user-password">{t.password}</label>
                <PasswordInput id="user-password" autoComplete="new-password" value={password} onUpdate={setPassword} />
                <span className="muted">{t.passwordHint}</span>
              </div>
            )}
          </div>
          <h3 className="g-text g-text_variant_subheader-2">{t.colGrants}</h3>
          <GrantsEditor grants={grants} onChange={setGrants} />
          <InlineError error={save.error} title={t.failed} />
          <div className="actions">
            <Button view="action" loading={save.isPending} onClick={() => save.mutate()}>
              {t.save}
            </Button>
            <Button view="flat" onClick={() => setEditing(null)}>
              {t.cancel}
            </Button>
          </div>
        </section>
      )}
      {users.isPending ? (
        <PageLoader />
      ) : users.error ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <div className="panel table-wrap">
          <Table
            data={users.data}
            getRowDescriptor={(u) => ({ id: u.id })}
            wordWrap
            columns={[
              { id: 'displayName', name: t.colName },
              { id: 'email', name: t.colEmail },
              { id: 'grants', name: t.colGrants, template: (u) => u.grants.map((g) => grantText(g)).join('; ') },
              {
                id: 'actions',
                name: '',
                width: 150,
                template: (u) => (
                  <Button size="s" view="outlined" onClick={() => open({ mode: 'edit', user: u })}>
                    {t.edit}
                  </Button>
                ),
              },
            ]}
          />
        </div>
      )}
    </>
  );
}
