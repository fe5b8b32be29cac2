import { Alert, Button } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { unwrap } from '../../api/errors';
import { InlineError } from '../PageState';
import { EscalationChainEditor, EscalationChainSummary } from './EscalationChainEditor';
import type { EscalationStep } from './escalation-chain';
import { t } from './i18n';

/** The cycle page's panel: the chain in effect, and for its coordinators an editor (also on a running cycle). */
export function EscalationPanel({
  cycleId,
  chain,
}: {
  cycleId: string;
  chain: components['schemas']['EscalationChainView'];
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<EscalationStep[] | null>(null);
  const save = useMutation({
    mutationFn: (steps: EscalationStep[]) =>
      unwrap(
        api.PUT('/api/cycles/{id}/escalation-chain', {
          params: { path: { id: cycleId } },
          body: { steps },
        }),
      ),
    onSuccess: () => {
      setDraft(null);
      void queryClient.invalidateQueries({ queryKey: ['cycle', cycleId] });
    },
  });
  return (
    <section className="panel" aria-labelledby="escalation-title" data-testid="escalation-panel">
      <h2 id="escalation-title" className="g-text g-text_variant_subheader-3">
        {t.title}
        {chain.isDefault && <span className="muted"> ({t.isDefault})</span>}
      </h2>
      <p className="muted">{t.hint}</p>
      {draft ? (
        <>
          <EscalationChainEditor value={draft} onChange={setDraft} />
          <InlineError error={save.error} title={t.saveFailed} />
          <div className="actions">
            <Button view="action" loading={save.isPending} onClick={() => save.mutate(draft)}>
              {t.save}
            </Button>
            <Button view="flat" onClick={() => setDraft(null)}>
              {t.cancel}
            </Button>
          </div>
        </>
      ) : (
        <>
          <EscalationChainSummary steps={chain.steps} />
          {save.isSuccess && <Alert theme="success" message={t.saved} />}
          {chain.canEdit && (
            <div className="actions">
              <Button
                view="outlined"
                onClick={() => {
                  save.reset();
                  setDraft(chain.steps.map((s) => ({ ...s })));
                }}
              >
                {t.edit}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
