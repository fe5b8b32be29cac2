import { Button, Table } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { EditPanel } from './EditPanel';
import { ListPages, ListSearch } from './ListControls';
import { t } from './i18n';
import { useListPage } from './use-list-page';

type School = Schemas['DirectorySchoolView'];

/** The directory's schools: searched, paged, each edited in place (a school that closed is deactivated). */
export function SchoolsTab(props: { schools: School[]; onSaved: (message: string) => void }) {
  const list = useListPage(props.schools, (s) => [s.fullName, s.shortName, s.officialCode, s.email, s.director]);
  const [editing, setEditing] = useState<School | null>(null);
  const edit = useMutation({
    mutationFn: (changes: Record<string, string | null | boolean>) =>
      unwrap(api.PATCH('/api/directory/schools/{id}', { params: { path: { id: editing!.id } }, body: changes })),
    onSuccess: (s) => {
      setEditing(null);
      props.onSaved(t.saved(s.fullName));
    },
  });
  return (
    <section className="panel table-wrap" aria-label={t.schools}>
      <ListSearch list={list} label={t.searchSchools} of={props.schools.length} />
      {editing && (
        <EditPanel
          key={editing.id}
          title={`${t.editSchool}: ${editing.fullName}`}
          active={editing.active}
          pending={edit.isPending}
          error={edit.error}
          onSave={(changes) => edit.mutate(changes)}
          onCancel={() => setEditing(null)}
          fields={[
            { key: 'fullName', label: t.colName, value: editing.fullName, required: true },
            { key: 'shortName', label: t.colShortName, value: editing.shortName },
            { key: 'officialCode', label: t.colCode, value: editing.officialCode },
            { key: 'director', label: t.colDirector, value: editing.director },
            { key: 'email', label: t.colEmail, value: editing.email },
            { key: 'address', label: t.colAddress, value: editing.address },
          ]}
        />
      )}
      <Table
        data={list.rows}
        getRowDescriptor={(s) => ({ id: s.id })}
        wordWrap
        emptyMessage={t.nothingFound}
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
            template: (s) => (
              <Button
                size="s"
                view="outlined"
                aria-label={`${t.edit}: ${s.fullName}`}
                onClick={() => {
                  edit.reset();
                  setEditing(s);
                }}
              >
                {t.edit}
              </Button>
            ),
          },
        ]}
      />
      <ListPages list={list} />
    </section>
  );
}
