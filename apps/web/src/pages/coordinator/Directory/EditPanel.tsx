import { Button, Select, TextInput } from '@gravity-ui/uikit';
import { useState } from 'react';
import { InlineError } from '../../../components/PageState';
import { t } from './i18n';

export interface EditField {
  key: string;
  label: string;
  value: string | null;
  /** A required field may not be emptied; others are cleared by emptying them. */
  required?: boolean;
  /** A choice from the directory (a searchable select) instead of free text. */
  options?: { value: string; content: string }[];
}

/**
 * One directory entry's fields as a form: only what changed is sent, an emptied optional field is
 * cleared (null). The API's Russian errors (each naming the field) show in place.
 */
export function EditPanel(props: {
  title: string;
  fields: EditField[];
  active: boolean;
  pending: boolean;
  error: unknown;
  onSave: (changes: Record<string, string | null | boolean>) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(props.fields.map((f) => [f.key, f.value ?? ''])),
  );
  const changes = Object.fromEntries(
    props.fields
      .filter((f) => (values[f.key] ?? '').trim() !== (f.value ?? ''))
      .map((f) => [f.key, values[f.key].trim() || (f.required ? '' : null)]),
  );
  return (
    <div className="panel" role="group" aria-label={props.title}>
      <h3 className="g-text g-text_variant_subheader-2">{props.title}</h3>
      <div className="form-grid">
        {props.fields.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`edit-${f.key}`}>{f.label}</label>
            {f.options ? (
              <Select
                id={`edit-${f.key}`}
                aria-label={f.label}
                filterable
                options={f.options}
                value={values[f.key] ? [values[f.key]] : []}
                onUpdate={([v]) => setValues((all) => ({ ...all, [f.key]: v ?? '' }))}
              />
            ) : (
              <TextInput
                id={`edit-${f.key}`}
                value={values[f.key]}
                onUpdate={(v) => setValues((all) => ({ ...all, [f.key]: v }))}
              />
            )}
          </div>
        ))}
      </div>
      <InlineError error={props.error} title={t.failed} />
      <div className="actions">
        <Button
          view="action"
          loading={props.pending}
          disabled={Object.keys(changes).length === 0}
          onClick={() => props.onSave(changes)}
        >
          {t.save}
        </Button>
        <Button view="outlined" loading={props.pending} onClick={() => props.onSave({ active: !props.active })}>
          {props.active ? t.deactivate : t.activate}
        </Button>
        <Button view="flat" onClick={props.onCancel}>
          {t.cancel}
        </Button>
      </div>
    </div>
  );
}
