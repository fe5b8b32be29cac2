import { Button } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { InlineError } from '../../../components/PageState';
import { grantText, type Grant } from '../../../lib/roles';
import { ta } from './account.i18n';
import { GrantPicker, grantIncomplete } from '../../../components/grants/GrantPicker';
import { t } from './i18n';

type Person = Schemas['PersonView'];
type Labelled = Grant & { scopeLabel?: string | null };

/**
 * A person's account as a coordinator manages it: its roles (removed or added, saved at once as the
 * whole set), and switching it off, which ends every session and API token at once.
 */
export function AccountPanel(props: {
  person: Person & { userId: string };
  organisations: Schemas['OrganisationView'][];
  schools: Schemas['DirectorySchoolView'][];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { person } = props;
  const path = { params: { path: { id: person.userId } } };
  const [grants, setGrants] = useState<Labelled[]>(
    person.grants.map((g) => ({ ...g, scopeValue: g.scopeValue ?? undefined }) as Labelled),
  );
  const [adding, setAdding] = useState<Grant>({
    role: 'executor',
    scopeKind: 'organisation',
    scopeValue: person.organisationId ?? '',
  });
  const labelOf = (g: Grant): string | null =>
    props.organisations.find((o) => o.id === g.scopeValue)?.name ??
    props.schools.find((s) => s.id === g.scopeValue)?.fullName ??
    null;
  const saveRoles = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/users/{id}/grants', {
          ...path,
          body: { grants: grants.map(({ role, scopeKind, scopeValue }) => ({ role, scopeKind, scopeValue })) },
        }),
      ),
    onSuccess: () => props.onDone(ta.rolesSaved(person.fullName)),
  });
  const switchAccount = useMutation({
    mutationFn: (on: boolean) =>
      on
        ? unwrap(api.POST('/api/users/{id}/activation', path))
        : unwrap(api.POST('/api/users/{id}/deactivation', path)),
    onSuccess: (_r, on) => props.onDone(on ? ta.reactivated(person.fullName) : ta.deactivated(person.fullName)),
  });
  const deactivated = person.account === 'deactivated';
  return (
    <div className="panel" role="group" aria-label={`${ta.title}: ${person.fullName}`}>
      <h3 className="g-text g-text_variant_subheader-2">
        {ta.title}: {person.fullName} ({person.email})
      </h3>
      <p className={deactivated ? 'warning-text' : 'muted'}>{ta.states[person.account] ?? person.account}</p>
      {!deactivated && (
        <>
          <h4>{ta.roles}</h4>
          {grants.length === 0 && <p className="muted">{ta.noRoles}</p>}
          <ul>
            {grants.map((g, i) => (
              <li key={`${g.role}:${g.scopeKind}:${g.scopeValue ?? ''}`}>
                {grantText(g)}{' '}
                <Button
                  size="s"
                  view="flat-danger"
                  aria-label={`${ta.remove}: ${grantText(g)}`}
                  onClick={() => setGrants((all) => all.filter((_, j) => j !== i))}
                >
                  {ta.remove}
                </Button>
              </li>
            ))}
          </ul>
          <GrantPicker grant={adding} onChange={setAdding} organisationId={person.organisationId} />
          <div className="actions">
            <Button
              view="outlined"
              disabled={grantIncomplete(adding)}
              onClick={() => setGrants((all) => [...all, { ...adding, scopeLabel: labelOf(adding) }])}
            >
              {ta.addRole}
            </Button>
            <Button
              view="action"
              loading={saveRoles.isPending}
              disabled={grants.length === 0}
              onClick={() => saveRoles.mutate()}
            >
              {ta.saveRoles}
            </Button>
          </div>
          <InlineError error={saveRoles.error} title={t.failed} />
          <p className="muted">{ta.deactivateHint}</p>
        </>
      )}
      <div className="actions">
        <Button
          view={deactivated ? 'outlined' : 'outlined-danger'}
          loading={switchAccount.isPending}
          onClick={() => switchAccount.mutate(deactivated)}
        >
          {deactivated ? ta.reactivate : ta.deactivate}
        </Button>
        <Button view="flat" onClick={props.onCancel}>
          {ta.close}
        </Button>
      </div>
      <InlineError error={switchAccount.error} title={t.failed} />
    </div>
  );
}
