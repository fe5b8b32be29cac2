import { Button, Select, TextInput } from '@gravity-ui/uikit';
import {
  ROLE_TITLES,
  SCOPE_TITLES,
  SCOPES_OF_ROLE,
  type Grant,
  type RoleName,
  type ScopeKind,
} from '../../../lib/roles';
import { t } from './i18n';

const ROLE_OPTIONS = Object.entries(ROLE_TITLES).map(([value, content]) => ({ value, content }));

export function GrantsEditor({ grants, onChange }: { grants: Grant[]; onChange: (grants: Grant[]) => void }) {
  const patch = (i: number, p: Partial<Grant>) => onChange(grants.map((g, j) => (j === i ? { ...g, ...p } : g)));
  return (
    <div className="field">
      {grants.map((g, i) => (
        <div className="filters" key={i}>
          <Select
            aria-label={`${t.role} ${i + 1}`}
            options={ROLE_OPTIONS}
            value={[g.role]}
            onUpdate={([role]) => {
              const kinds = SCOPES_OF_ROLE[role as RoleName];
              patch(i, { role: role as RoleName, scopeKind: kinds.includes(g.scopeKind) ? g.scopeKind : kinds[0] });
            }}
          />
          <Select
            aria-label={`${t.scope} ${i + 1}`}
            options={SCOPES_OF_ROLE[g.role].map((k) => ({ value: k, content: SCOPE_TITLES[k] }))}
            value={[g.scopeKind]}
            onUpdate={([scopeKind]) =>
              patch(i, {
                scopeKind: scopeKind as ScopeKind,
                scopeValue: scopeKind === 'global' ? undefined : g.scopeValue,
              })
            }
          />
          {g.scopeKind !== 'global' && (
            <TextInput
              controlProps={{ 'aria-label': `${t.scopeValue} ${i + 1}` }}
              placeholder={t.scopeValue}
              value={g.scopeValue ?? ''}
              onUpdate={(scopeValue) => patch(i, { scopeValue })}
            />
          )}
          <Button view="flat-danger" onClick={() => onChange(grants.filter((_, j) => j !== i))}>
            {t.removeGrant}
          </Button>
        </div>
      ))}
      <div>
        <Button view="outlined" onClick={() => onChange([...grants, { role: 'supervisor', scopeKind: 'global' }])}>
          {t.addGrant}
        </Button>
      </div>
    </div>
  );
}
