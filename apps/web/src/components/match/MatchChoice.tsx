import { Button, Label, Select } from '@gravity-ui/uikit';
import type { MatchAnswer, MatchKind } from './match-answer';
import { t } from './i18n';

const NEW = '__new__';

/**
 * How one spelling met the directory, and for a guess the question with «Да» / «Нет»; after «Нет» a
 * searchable select of the directory's entries or «новая». Import previews and the launch page share it.
 */
export function MatchChoice({
  spelling,
  match,
  matchedName,
  question,
  answer,
  options,
  newLabel = t.asNew,
  onAnswer,
}: {
  /** The row's own spelling: names the controls for screen readers and tests. */
  spelling: string;
  match: MatchKind | undefined;
  matchedName: string | null | undefined;
  question: string | null | undefined;
  answer: MatchAnswer | undefined;
  /** Directory entries a person may pick instead (id, name). */
  options: { value: string; content: string }[];
  /** «новая школа», «новая организация». */
  newLabel?: string;
  onAnswer: (answer: MatchAnswer | undefined) => void;
}) {
  if (!match) return <>—</>;
  if (match !== 'fuzzy') {
    return (
      <>
        {match !== 'none' && <div>{matchedName}</div>}
        <Label theme={match === 'none' ? 'info' : 'success'}>{t[match]}</Label>
      </>
    );
  }
  const picked = answer?.kind === 'chosen' ? options.find((o) => o.value === answer.id)?.content : undefined;
  return (
    <div role="group" aria-label={question ?? spelling}>
      <div>{question}</div>
      <div className="confirm-buttons">
        <Button
          size="s"
          view={answer?.kind === 'yes' ? 'action' : 'outlined'}
          onClick={() => onAnswer({ kind: 'yes' })}
        >
          {t.yes}
        </Button>
        <Button
          size="s"
          view={answer && answer.kind !== 'yes' ? 'outlined-danger' : 'outlined'}
          onClick={() => onAnswer({ kind: 'no' })}
        >
          {t.no}
        </Button>
      </div>
      {answer?.kind === 'yes' && <div className="muted">{`${matchedName ?? ''}, ${t.confirmed}`}</div>}
      {answer && answer.kind !== 'yes' && (
        <div className="field">
          <span className="muted">{t.pickHint}</span>
          <Select
            size="s"
            width="max"
            filterable
            aria-label={`${t.pick}: ${spelling}`}
            placeholder={t.pick}
            options={[{ value: NEW, content: newLabel }, ...options]}
            value={answer.kind === 'chosen' ? [answer.id] : answer.kind === 'new' ? [NEW] : []}
            onUpdate={([v]) => onAnswer(!v ? { kind: 'no' } : v === NEW ? { kind: 'new' } : { kind: 'chosen', id: v })}
          />
          {picked && <div className="muted">{`${picked}, ${t.chosen}`}</div>}
        </div>
      )}
      {(!answer || answer.kind === 'no') && <div className="warning-text">{t.unanswered}</div>}
    </div>
  );
}
