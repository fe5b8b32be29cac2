import { Button, Select, TextInput } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import {
  ROLE_TITLES,
  SCOPE_TITLES,
  SCOPES_OF_ROLE,
  type Grant,
  type RoleName,
  type ScopeKind,
} from '../../../lib/roles';
import { t } from './i18n';

type Person = Schemas['PersonView'];
type Option = { value: string; content: string };

// Admin is made on the Users page, never by a directory invitation.
const ROLE_OPTIONS = Object.entries(ROLE_TITLES)
  .filter(([role]) => role !== 'admin')
  .map(([value, content]) => ({ value, content }));

/** The role and scope of an invitation: only the pairs the API accepts, values picked from the directory. */
export function InvitePanel(props: {
  person: Person;
  organisations: Schemas['OrganisationView'][];
  schools: Schemas['DirectorySchoolView'][];
  pending: boolean;
  onInvite: (grant: Grant) => void;
  onCancel: () => void;
}) {
  const { person } = props;
  const [grant, setGrant] = useState<Grant>({
    role: 'executor',
    scopeKind: 'organisation',
    scopeValue: person.organisationId ?? '',
  });
  const municipalities = useQuery({
    queryKey: ['directory', 'municipalities'],
    queryFn: () => unwrap(api.GET('/api/directory/municipalities')),
  });
  const valuesOf = (kind: ScopeKind): Option[] | null => {
    if (kind === 'organisation') return props.organisations.map((o) => ({ value: o.id, content: o.name }));
    if (kind === 'school') return props.schools.map((s) => ({ value: s.id, content: s.fullName }));
    if (kind === 'municipality') return (municipalities.data ?? []).map((m) => ({ value: m.id, content: m.name }));
    return null;
  };
  const firstValue = (kind: ScopeKind) =>
    kind === 'organisation' ? (person.organisationId ?? '') : (valuesOf(kind)?.[0]?.value ?? '');
  const choose = (scopeKind: ScopeKind, role = grant.role) =>
    setGrant({ role, scopeKind, scopeValue: scopeKind === 'global' ? undefined : firstValue(scopeKind) });
  const values = valuesOf(grant.scopeKind);
  return (
    <div className="panel" role="group" aria-label={`${t.inviteTitle}: ${person.fullName}`}>
      <h3 className="g-text g-text_variant_subheader-2">
        {t.inviteTitle}: {person.fullName} ({person.email})
      </h3>
      <div className="filters">
        <Select
          aria-label={t.role}
          options={ROLE_OPTIONS}
          value={[grant.role]}
          onUpdate={([role]) => choose(SCOPES_OF_ROLE[role as RoleName][0], role as RoleName)}
        />
        <Select
          aria-label={t.scope}
          options={SCOPES_OF_ROLE[grant.role].map((k) => ({ value: k, content: SCOPE_TITLES[k] }))}
          value={[grant.scopeKind]}
          onUpdate={([kind]) => choose(kind as ScopeKind)}
        />
        {values ? (
          <Select
            aria-label={t.scopeValue}
            filterable
            options={values}
            value={grant.scopeValue ? [grant.scopeValue] : []}
            onUpdate={([scopeValue]) => setGrant((g) => ({ ...g, scopeValue }))}
          />
        ) : (
          grant.scopeKind !== 'global' && (
            <TextInput
              controlProps={{ 'aria-label': t.scopeValue }}
              placeholder={t.scopeValue}
              value={grant.scopeValue ?? ''}
              onUpdate={(scopeValue) => setGrant((g) => ({ ...g, scopeValue }))}
            />
          )
        )}
      </div>
      <div className="actions">
        <Button
          view="action"
          loading={props.pending}
          disabled={grant.scopeKind !== 'global' && !grant.scopeValue?.trim()}
          onClick={() => props.onInvite(grant)}
        >
          {t.sendInvite}
        </Button>
        <Button view="flat" onClick={props.onCancel}>
          {t.cancel}
        </Button>
      </div>
    </div>
  );
}
