import { Alert, Button, Label, Loader, Select } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { InlineError } from '../../../components/PageState';
import { useDirectoryPeople } from '../../../lib/use-directory';
import { a } from './addressees.i18n';
import './event-addressees.css';

type Addressee = Schemas['AddresseePersonView'];

/** «ФИО, должность (организация) — e-mail», or «нет адреса» in place of the e-mail. */
function People({ people }: { people: readonly Addressee[] }) {
  return (
    <ul>
      {people.map((p) => (
        <li key={p.id ?? p.email}>
          {p.fullName}
          {p.position && `, ${p.position}`}
          {p.organisationName && ` (${p.organisationName})`} — {p.email ?? <Label theme="warning">{a.noEmail}</Label>}
        </li>
      ))}
    </ul>
  );
}

/**
 * «Кому напоминать»: who gets this event's reminders now (the executors' contact people, or the people
 * the coordinator named), and the choice of directory people for it (PUT /api/directory/events/:id/assignees).
 */
export function EventAddressees({ eventId }: { eventId: string }) {
  const client = useQueryClient();
  const key = ['event-addressees', eventId];
  const path = { params: { path: { id: eventId } } };
  const view = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/directory/events/{id}/assignees', path)),
  });
  const { people, options } = useDirectoryPeople();
  const [picked, setPicked] = useState<string[] | null>(null);
  const save = useMutation({
    mutationFn: (personIds: string[]) =>
      unwrap(api.PUT('/api/directory/events/{id}/assignees', { ...path, body: { personIds } })),
    onSuccess: async () => {
      setPicked(null);
      await client.invalidateQueries({ queryKey: key });
    },
  });
  const v = view.data;
  const assignedIds = v?.assigned.flatMap((p) => (p.id ? [p.id] : [])) ?? [];
  const chosen = picked ?? assignedIds;
  // Only people a reminder can reach are offered; the API refuses the others anyway.
  const withEmail = new Set((people.data ?? []).filter((p) => p.email).map((p) => p.id));
  const reachable = options.filter((o) => withEmail.has(o.value) || chosen.includes(o.value));
  const changed = chosen.length !== assignedIds.length || chosen.some((id) => !assignedIds.includes(id));
  return (
    <section className="panel addressees" data-testid="event-addressees" aria-labelledby="addressees-title">
      <h2 id="addressees-title" className="g-text g-text_variant_subheader-3">
        {a.title}
      </h2>
      <p className="muted">{a.hint}</p>
      {view.isPending && <Loader size="s" />}
      <InlineError error={view.error} title={a.loadFailed} />
      {v && (
        <>
          <div data-testid="addressees-now">
            <strong>{a.now}:</strong>
            {v.recipients.length === 0 ? (
              <Alert theme="danger" title={a.nobody} message={a.nobodyHint} />
            ) : (
              <People people={v.recipients} />
            )}
            {v.assigned.length > 0 && <Label theme="info">{a.assignedNote}</Label>}
          </div>
          <div className={v.assigned.length ? 'addressees_replaced' : undefined}>
            <strong>{a.byDefault}</strong>
            {v.assigned.length > 0 && ` — ${a.replaced}`}
            <table data-testid="addressees-executors">
              <thead>
                <tr>
                  <th>{a.executor}</th>
                  <th>{a.organisation}</th>
                  <th>{a.contacts}</th>
                </tr>
              </thead>
              <tbody>
                {v.executors.map((x) => (
                  <tr key={x.name}>
                    <td>{x.name}</td>
                    <td>
                      {x.group ? (
                        <>
                          {x.group.label} <span className="muted">({a.groupHint[x.group.kind]})</span>
                        </>
                      ) : (
                        (x.organisationName ?? <Label theme="warning">{a.unmatched}</Label>)
                      )}
                    </td>
                    <td>
                      {x.contacts.length > 0 && <People people={x.contacts} />}
                      {x.addressee !== 'ok' && <Label theme="danger">{a.nobody}</Label>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="field">
            <label htmlFor="addressees-pick">{a.pick}</label>
            <Select
              id="addressees-pick"
              aria-label={a.pick}
              placeholder={a.pickPlaceholder}
              multiple
              filterable
              width="max"
              loading={people.isPending}
              options={reachable}
              value={chosen}
              onUpdate={setPicked}
            />
            <span className="muted">{a.pickHint}</span>
          </div>
          <div className="actions">
            <Button
              view="action"
              disabled={!changed || chosen.length === 0}
              loading={save.isPending}
              onClick={() => save.mutate(chosen)}
            >
              {a.save}
            </Button>
            {v.assigned.length > 0 && (
              <Button view="outlined" loading={save.isPending} onClick={() => save.mutate([])}>
                {a.reset}
              </Button>
            )}
          </div>
          {save.isSuccess && <p role="status">{save.variables.length ? a.saved : a.resetDone}</p>}
          <InlineError error={people.error ?? save.error} title={a.rejected} />
        </>
      )}
    </section>
  );
}
