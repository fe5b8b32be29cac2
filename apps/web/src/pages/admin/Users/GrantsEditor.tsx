import { Button } from '@gravity-ui/uikit';
import { GrantPicker } from '../../../components/grants/GrantPicker';
import type { Grant } from '../../../lib/roles';
import { t } from './i18n';

/** Every role of an account, each with its scope picked from the directory. */
export function GrantsEditor({ grants, onChange }: { grants: Grant[]; onChange: (grants: Grant[]) => void }) {
  return (
    <div className="field">
      {grants.map((g, i) => (
        <div className="grant-row" key={i}>
          <GrantPicker
            grant={g}
            withAdmin
            labelSuffix={` ${i + 1}`}
            onChange={(next) => onChange(grants.map((x, j) => (j === i ? next : x)))}
          />
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
