import { Button, Label, Table, TextInput } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { InlineError } from '../../../components/PageState';
import { ListPages, ListSearch } from './ListControls';
import { t } from './i18n';
import { useListPage } from './use-list-page';

type Organisation = Schemas['OrganisationView'];

/**
 * Organisations with the spellings that name them. Merging by hand adds a spelling; a wrong merge is
 * undone by removing it (both audited). Search finds an organisation by any of its spellings.
 */
export function OrganisationsTab(props: { organisations: Organisation[]; onSaved: (message: string) => void }) {
  const list = useListPage(props.organisations, (o) => [o.name, ...o.aliases]);
  const [aliasFor, setAliasFor] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: (o: Organisation) =>
      unwrap(
        api.POST('/api/directory/organisations/{id}/aliases', {
          params: { path: { id: o.id } },
          body: { alias: (aliasFor[o.id] ?? '').trim() },
        }),
      ),
    onSuccess: (o) => {
      setAliasFor((all) => ({ ...all, [o.id]: '' }));
      props.onSaved(t.aliasAdded);
    },
  });
  const remove = useMutation({
    mutationFn: ({ o, alias }: { o: Organisation; alias: string }) =>
      unwrap(
        api.DELETE('/api/directory/organisations/{id}/aliases', { params: { path: { id: o.id }, query: { alias } } }),
      ),
    onSuccess: (o, { alias }) => props.onSaved(t.aliasRemoved(alias, o.name)),
  });
  return (
    <section className="panel table-wrap" aria-label={t.organisations}>
      <ListSearch list={list} label={t.searchOrganisations} of={props.organisations.length} />
      <InlineError error={add.error ?? remove.error} title={t.failed} />
      <Table
        data={list.rows}
        getRowDescriptor={(o) => ({ id: o.id })}
        wordWrap
        emptyMessage={t.nothingFound}
        columns={[
          { id: 'name', name: t.colName },
          { id: 'kind', name: t.colKind, width: 200, template: (o) => t.kinds[o.kind] ?? o.kind },
          {
            id: 'aliases',
            name: t.aliases,
            template: (o) =>
              o.aliases.length ? (
                <div className="alias-list">
                  {o.aliases.map((alias) => (
                    <Label
                      key={alias}
                      type="close"
                      closeButtonLabel={`${t.removeAlias}: ${alias}`}
                      onCloseClick={() => remove.mutate({ o, alias })}
                    >
                      {alias}
                    </Label>
                  ))}
                </div>
              ) : (
                <span className="muted">{t.noAliases}</span>
              ),
          },
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
                  loading={add.isPending && add.variables?.id === o.id}
                  onClick={() => add.mutate(o)}
                >
                  {t.addAlias}
                </Button>
              </div>
            ),
          },
        ]}
      />
      <ListPages list={list} />
    </section>
  );
}
