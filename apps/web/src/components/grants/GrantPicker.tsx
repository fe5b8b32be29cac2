import { Select, TextInput } from '@gravity-ui/uikit';
import { ROLE_TITLES, SCOPE_TITLES, SCOPES_OF_ROLE, type Grant, type RoleName, type ScopeKind } from '../../lib/roles';
import { t } from './i18n';
import { useDirectoryMunicipalities, useDirectoryOrganisations, useDirectorySchools } from '../../lib/use-directory';

type Option = { value: string; content: string };

const ROLE_OPTIONS = Object.entries(ROLE_TITLES).map(([value, content]) => ({ value, content }));

/**
 * One role and its scope: only the pairs the API accepts, the scope picked by name from the
 * directory (organisations, schools, municipalities), never typed as an id. Shares the directory
 * page's queries, so the lists load once.
 */
export function GrantPicker(props: {
  grant: Grant;
  onChange: (grant: Grant) => void;
  /** The scope an organisation-scoped role starts with (the person's own organisation). */
  organisationId?: string | null;
  /** Admin is made on the Users page only, never from the directory. */
  withAdmin?: boolean;
  /** Told apart when a form has several pickers: «Роль 2». */
  labelSuffix?: string;
}) {
  const { grant, onChange } = props;
  const label = (text: string) => `${text}${props.labelSuffix ?? ''}`;
  const organisations = useDirectoryOrganisations();
  const schools = useDirectorySchools();
  const municipalities = useDirectoryMunicipalities();
  const valuesOf = (kind: ScopeKind): Option[] | null => {
    if (kind === 'organisation') return (organisations.data ?? []).map((o) => ({ value: o.id, content: o.name }));
    if (kind === 'school') return (schools.data ?? []).map((s) => ({ value: s.id, content: s.fullName }));
    if (kind === 'municipality') return (municipalities.data ?? []).map((m) => ({ value: m.id, content: m.name }));
    return null;
  };
  const firstValue = (kind: ScopeKind) =>
    kind === 'organisation' && props.organisationId ? props.organisationId : (valuesOf(kind)?.[0]?.value ?? '');
  const choose = (scopeKind: ScopeKind, role = grant.role) =>
    onChange({ role, scopeKind, scopeValue: scopeKind === 'global' ? undefined : firstValue(scopeKind) });
  const values = valuesOf(grant.scopeKind);
  return (
    <div className="filters">
      <Select
        aria-label={label(t.role)}
        options={props.withAdmin ? ROLE_OPTIONS : ROLE_OPTIONS.filter((o) => o.value !== 'admin')}
        value={[grant.role]}
        onUpdate={([role]) => choose(SCOPES_OF_ROLE[role as RoleName][0], role as RoleName)}
      />
      <Select
        aria-label={label(t.scope)}
        options={SCOPES_OF_ROLE[grant.role].map((k) => ({ value: k, content: SCOPE_TITLES[k] }))}
        value={[grant.scopeKind]}
        onUpdate={([kind]) => choose(kind as ScopeKind)}
      />
      {values ? (
        <Select
          aria-label={label(t.scopeValue)}
          filterable
          options={values}
          value={grant.scopeValue ? [grant.scopeValue] : []}
          onUpdate={([scopeValue]) => onChange({ ...grant, scopeValue })}
        />
      ) : (
        grant.scopeKind !== 'global' && (
          // Regions and events have no directory list here: the id is typed.
          <TextInput
            controlProps={{ 'aria-label': label(t.scopeValue) }}
            placeholder={label(t.scopeValue)}
            value={grant.scopeValue ?? ''}
            onUpdate={(scopeValue) => onChange({ ...grant, scopeValue })}
          />
        )
      )}
    </div>
  );
}

/** A grant the API would refuse for want of a scope value. */
export const grantIncomplete = (grant: Grant): boolean => grant.scopeKind !== 'global' && !grant.scopeValue?.trim();
