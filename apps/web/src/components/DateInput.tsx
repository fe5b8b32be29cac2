import { useEffect, useState } from 'react';
import { IMaskInput } from 'react-imask';
import { isoDateToRu, ruDateToIso } from '../lib/format';

/**
 * A calendar date typed as ДД.ММ.ГГГГ whatever the browser's language (a masked text field: the
 * browser's own date input shows its locale's order); the value stays YYYY-MM-DD, '' until the date
 * is whole and real. A date that does not exist (31.02.2027) is named under the field.
 */
export function DateInput({
  value,
  onUpdate,
  disabled,
  ...aria
}: {
  value: string;
  onUpdate: (value: string) => void;
  disabled?: boolean;
  'aria-label': string;
}) {
  const [text, setText] = useState(() => isoDateToRu(value));
  // A value set from outside (a reset, a loaded form) replaces what is typed.
  useEffect(() => {
    setText((typed) => (ruDateToIso(typed) === value || (!value && !ruDateToIso(typed)) ? typed : isoDateToRu(value)));
  }, [value]);
  const wrong = text.length === 10 && !ruDateToIso(text);
  return (
    <span className="date-input-field">
      <IMaskInput
        mask="00.00.0000"
        value={text}
        onAccept={(typed: string) => {
          setText(typed);
          onUpdate(ruDateToIso(typed) ?? '');
        }}
        placeholder="ДД.ММ.ГГГГ"
        inputMode="numeric"
        className="date-input"
        disabled={disabled}
        aria-invalid={wrong || undefined}
        aria-label={aria['aria-label']}
      />
      {wrong && (
        <span className="date-input-field__error" role="alert">
          Нет такой даты: {text}
        </span>
      )}
    </span>
  );
}
