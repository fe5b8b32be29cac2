import { Button, Label, Select } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { InlineError } from '../../../components/PageState';
import { t } from './i18n';
import { useDirectoryOrganisations } from '../../../lib/use-directory';

/**
 * Executors of the cycle with no organisation (and those with nobody to mail): each can be linked to
 * a directory organisation here; the next reminders go to its people and the name becomes an alias.
 */
export function UnmatchedExecutors(props: {
  cycleId: string;
  unmatched: string[];
  withoutAddressee: string[];
  /** Executors that are the cycle's schools or curators: reached by adding their addresses, not by linking. */
  groups?: readonly string[];
}) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Record<string, string | undefined>>({});
  const organisations = useDirectoryOrganisations(props.unmatched.length > 0);
  const link = useMutation({
    mutationFn: (name: string) =>
      unwrap(
        api.POST('/api/directory/executor-links', {
          body: { cycleId: props.cycleId, name, organisationId: chosen[name] ?? '' },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['cycle', props.cycleId] }),
  });
  if (props.unmatched.length + props.withoutAddressee.length === 0) return null;
  const options = (organisations.data ?? []).map((o) => ({ value: o.id, content: o.name }));
  return (
    <section className="panel" aria-labelledby="unmatched-title">
      <h2 id="unmatched-title" className="g-text g-text_variant_subheader-3">
        {t.unmatchedTitle}
      </h2>
      <p className="muted">{t.unmatchedHint}</p>
      <ul>
        {props.unmatched.map((name) => (
          <li key={name} className="actions" role="group" aria-label={`${t.executor}: ${name}`}>
            <span>{name}</span>
            <Label theme="warning">{t.noOrganisation}</Label>
            <Select
              size="s"
              filterable
              width={360}
              aria-label={`${t.organisation}: ${name}`}
              placeholder={t.organisation}
              options={options}
              value={chosen[name] ? [chosen[name]] : []}
              onUpdate={([id]) => setChosen((c) => ({ ...c, [name]: id }))}
            />
            <Button
              size="s"
              view="outlined"
              disabled={!chosen[name]}
              loading={link.isPending && link.variables === name}
              onClick={() => link.mutate(name)}
            >
              {t.link}
            </Button>
          </li>
        ))}
        {props.withoutAddressee.map((name) => (
          <li key={`silent:${name}`}>
            {name} <Label theme="warning">{t.noAddressee}</Label>
            {props.groups?.includes(name) && <span className="muted"> — {t.groupWithoutAddressee}</span>}
          </li>
        ))}
      </ul>
      <InlineError error={link.error} title={t.linkFailed} />
    </section>
  );
}
