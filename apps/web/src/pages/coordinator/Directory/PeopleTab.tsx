import { Button, Table } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { InlineError } from '../../../components/PageState';
import type { Grant } from '../../../lib/roles';
import { AccountPanel } from './AccountPanel';
import { ta } from './account.i18n';
import { EditPanel } from './EditPanel';
import { InvitePanel } from './InvitePanel';
import { ListPages, ListSearch } from './ListControls';
import { t } from './i18n';
import { useListPage } from './use-list-page';

type Person = Schemas['PersonView'];

/** People of the directory: edited in place, invited to an account, their accounts managed. */
export function PeopleTab(props: {
  people: Person[];
  organisations: Schemas['OrganisationView'][];
  schools: Schemas['DirectorySchoolView'][];
  onSaved: (message: string) => void;
}) {
  const organisationName = new Map(props.organisations.map((o) => [o.id, o.name]));
  const list = useListPage(props.people, (p) => [
    p.fullName,
    p.email,
    p.position,
    p.phone,
    organisationName.get(p.organisationId ?? ''),
  ]);
  const [editing, setEditing] = useState<Person | null>(null);
  const [inviting, setInviting] = useState<Person | null>(null);
  const [managing, setManaging] = useState<(Person & { userId: string }) | null>(null);
  const edit = useMutation({
    mutationFn: (changes: Record<string, string | null | boolean>) =>
      unwrap(api.PATCH('/api/directory/people/{id}', { params: { path: { id: editing!.id } }, body: changes })),
    onSuccess: (p) => {
      setEditing(null);
      props.onSaved(t.saved(p.fullName));
    },
  });
  const invite = useMutation({
    mutationFn: ({ person, grant }: { person: Person; grant: Grant }) =>
      unwrap(
        api.POST('/api/directory/people/{id}/invitation', {
          params: { path: { id: person.id } },
          body: { grants: [{ ...grant, scopeValue: grant.scopeValue?.trim() || undefined }] },
        }),
      ),
    onSuccess: (r) => {
      setInviting(null);
      props.onSaved(t.invited(r.email));
    },
  });
  const open = (panel: 'edit' | 'invite' | 'account', p: Person) => {
    edit.reset();
    invite.reset();
    setEditing(panel === 'edit' ? p : null);
    setInviting(panel === 'invite' ? p : null);
    setManaging(panel === 'account' && p.userId ? { ...p, userId: p.userId } : null);
  };
  return (
    <section className="panel table-wrap" aria-label={t.people}>
      <ListSearch list={list} label={t.searchPeople} of={props.people.length} />
      {editing && (
        <EditPanel
          key={editing.id}
          title={`${t.editPerson}: ${editing.fullName}`}
          active={editing.active}
          pending={edit.isPending}
          error={edit.error}
          onSave={(changes) => edit.mutate(changes)}
          onCancel={() => setEditing(null)}
          fields={[
            { key: 'fullName', label: t.colFullName, value: editing.fullName, required: true },
            { key: 'position', label: t.colPosition, value: editing.position },
            { key: 'email', label: t.colEmail, value: editing.email },
            { key: 'phone', label: t.colPhone, value: editing.phone },
            {
              key: 'organisationId',
              label: t.colOrganisation,
              value: editing.organisationId,
              required: true,
              options: props.organisations.map((o) => ({ value: o.id, content: o.name })),
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
          organisations={props.organisations}
          schools={props.schools}
          onDone={(message) => {
            setManaging(null);
            props.onSaved(message);
          }}
          onCancel={() => setManaging(null)}
        />
      )}
      <InlineError error={invite.error} title={t.failed} />
      <Table
        data={list.rows}
        getRowDescriptor={(p) => ({ id: p.id })}
        wordWrap
        emptyMessage={t.nothingFound}
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
            template: (p) => (
              <Button size="s" view="outlined" aria-label={`${t.edit}: ${p.fullName}`} onClick={() => open('edit', p)}>
                {t.edit}
              </Button>
            ),
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
                  onClick={() => open('account', p)}
                >
                  {ta.manage}
                </Button>
              ) : p.active && p.account === 'none' && p.email && p.organisationId ? (
                <Button size="s" view="outlined" onClick={() => open('invite', p)}>
                  {t.invite}
                </Button>
              ) : null,
          },
        ]}
      />
      <ListPages list={list} />
    </section>
  );
}
