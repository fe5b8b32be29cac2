import { Button } from '@gravity-ui/uikit';
import { useState } from 'react';
import type { Schemas } from '../../../api/client';
import type { Grant } from '../../../lib/roles';
import { GrantPicker, grantIncomplete } from '../../../components/grants/GrantPicker';
import { t } from './i18n';

type Person = Schemas['PersonView'];

/** The role and scope of an invitation, then «Отправить приглашение». */
export function InvitePanel(props: {
  person: Person;
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
  return (
    <div className="panel" role="group" aria-label={`${t.inviteTitle}: ${person.fullName}`}>
      <h3 className="g-text g-text_variant_subheader-2">
        {t.inviteTitle}: {person.fullName} ({person.email})
      </h3>
      <GrantPicker grant={grant} onChange={setGrant} organisationId={person.organisationId} />
      <div className="actions">
        <Button
          view="action"
          loading={props.pending}
          disabled={grantIncomplete(grant)}
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
