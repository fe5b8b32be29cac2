import { Button, Label, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';

type EventDetail = Schemas['EventDetailView'];

/** A text indicator is judged by the coordinator: met or not met, per occurrence, with a comment. */
export function VerdictPanel({ event }: { event: EventDetail }) {
  const client = useQueryClient();
  const [comments, setComments] = useState<Record<number, string>>({});
  const judge = useMutation({
    mutationFn: (body: Schemas['VerdictDto']) =>
      unwrap(api.POST('/api/events/{id}/verdict', { params: { path: { id: event.id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['event', event.id] }),
  });
  const last = (index: number) => event.verdicts.filter((v) => v.occurrenceIndex === index).at(-1);
  const tracked = event.occurrences.filter((o) => o.status !== 'skipped');
  return (
    <section className="panel" data-testid="verdict" aria-labelledby="verdict-title">
      <h2 id="verdict-title" className="g-text g-text_variant_subheader-3">
        Отметка координатора
      </h2>
      <p className="muted">
        Показатель текстовый: выполнение отмечает координатор. Для «Не выполнено» комментарий обязателен.
      </p>
      <ul className="occurrences">
        {tracked.map((o) => {
          const verdict = last(o.index);
          const comment = comments[o.index] ?? '';
          return (
            <li key={o.index}>
              <span>{o.label}</span>{' '}
              {verdict ? (
                <Label theme={verdict.met ? 'success' : 'danger'}>
                  {verdict.met ? 'Выполнено' : 'Не выполнено'}
                  {verdict.comment ? `: ${verdict.comment}` : ''}
                </Label>
              ) : (
                <Label theme="unknown">Не отмечено</Label>
              )}
              <div className="actions">
                <TextInput
                  controlProps={{ 'aria-label': `Комментарий к отметке: ${o.label}`, maxLength: 2000 }}
                  placeholder="Комментарий"
                  value={comment}
                  onUpdate={(v) => setComments((c) => ({ ...c, [o.index]: v }))}
                />
                <Button
                  view="outlined-success"
                  loading={judge.isPending}
                  onClick={() => judge.mutate({ occurrenceIndex: o.index, met: true, comment })}
                >
                  Выполнено
                </Button>
                <Button
                  view="outlined-danger"
                  disabled={!comment.trim()}
                  title="Укажите, почему не выполнено"
                  loading={judge.isPending}
                  onClick={() => judge.mutate({ occurrenceIndex: o.index, met: false, comment })}
                >
                  Не выполнено
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      {judge.error && (
        <p role="alert" className="form-error">
          {judge.error instanceof ApiError ? judge.error.message : String(judge.error)}
        </p>
      )}
    </section>
  );
}
