import { Button, Select, TextInput } from '@gravity-ui/uikit';
import './escalation.css';
import { ESCALATION_LEVELS, nextStep, parseDays, type EscalationLevel, type EscalationStep } from './escalation-chain';
import { t } from './i18n';

const LEVEL_OPTIONS = ESCALATION_LEVELS.map((value) => ({ value, content: t.levels[value] }));

/** The chain as one readable line: «Исполнитель — на следующий рабочий день после срока → …». */
export function EscalationChainSummary({ steps }: { steps: readonly EscalationStep[] }) {
  return (
    <ol className="escalation-chain" data-testid="escalation-chain">
      {steps.map((s) => (
        <li key={s.level}>
          <b>{t.levels[s.level]}</b> — {t.afterDays(s.afterWorkingDays)}
        </li>
      ))}
    </ol>
  );
}

/** Steps as rows: whom, after how many working days; the first is the executor's overdue notice. */
export function EscalationChainEditor({
  value,
  onChange,
}: {
  value: EscalationStep[];
  onChange: (steps: EscalationStep[]) => void;
}) {
  const patch = (i: number, p: Partial<EscalationStep>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...p } : s)));
  const added = nextStep(value);
  return (
    <div className="escalation-editor" data-testid="escalation-editor">
      <p className="muted">{t.firstIsExecutor}</p>
      {value.map((s, i) => (
        <div className="escalation-editor__row" key={i}>
          <span className="escalation-editor__step">{t.step(i + 1)}</span>
          <Select
            aria-label={`${t.level}, ${t.step(i + 1).toLowerCase()}`}
            options={LEVEL_OPTIONS}
            value={[s.level]}
            disabled={i === 0}
            onUpdate={([level]) => patch(i, { level: level as EscalationLevel })}
          />
          <TextInput
            type="number"
            controlProps={{ 'aria-label': `${t.days}, ${t.step(i + 1).toLowerCase()}`, min: 1, max: 60 }}
            value={Number.isNaN(s.afterWorkingDays) ? '' : String(s.afterWorkingDays)}
            onUpdate={(text) => patch(i, { afterWorkingDays: parseDays(text) })}
          />
          <span className="muted">{t.unit}</span>
          {i > 0 ? (
            <Button view="flat" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t.remove}
            </Button>
          ) : (
            <span />
          )}
        </div>
      ))}
      {added && (
        <Button view="outlined" onClick={() => onChange([...value, added])}>
          {t.addStep}
        </Button>
      )}
    </div>
  );
}
