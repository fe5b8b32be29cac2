import { Label } from '@gravity-ui/uikit';
import type { Schemas } from '../../../api/client';
import { t } from './i18n';

/**
 * Executors that are the cycle's own schools or curators («руководители школ ШНОР», «кураторы ШНОР»):
 * not organisations to link, so each shows whom it stands for and how many addresses its reminders reach.
 */
export function CycleGroupExecutors({ groups }: { groups: readonly Schemas['NamedExecutorGroupView'][] }) {
  if (groups.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="cycle-groups-title" data-testid="cycle-group-executors">
      <h2 id="cycle-groups-title" className="g-text g-text_variant_subheader-3">
        {t.groupsTitle}
      </h2>
      <p className="muted">{t.groupsHint}</p>
      <ul>
        {groups.map((g) => (
          <li key={g.name}>
            {g.name} — {g.label}: {t.groupRecipients(g.recipients ?? 0)}
            {!g.recipients && (
              <>
                {' '}
                <Label theme="warning">{t.noAddressee}</Label>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
