import { Button, TextInput } from '@gravity-ui/uikit';
import { FileInput } from '../../../components/FileInput';
import { InlineError } from '../../../components/PageState';
import { t } from './i18n';

/** A table file, the municipality its rows belong to, and the preview button: what both directory imports ask. */
export function ImportPicker(props: {
  id: string;
  fileLabel: string;
  municipalityLabel: string;
  file: File | null;
  onFile: (file: File | null) => void;
  municipality: string;
  onMunicipality: (value: string) => void;
  loading: boolean;
  error: unknown;
  onPreview: () => void;
}) {
  return (
    <>
      <div className="form-grid">
        <div className="field">
          <span className="field__label" aria-hidden>
            {t.file}
          </span>
          <FileInput
            id={`${props.id}-file`}
            label={props.fileLabel}
            accept=".xlsx,.csv"
            file={props.file}
            onChange={props.onFile}
          />
        </div>
        <div className="field">
          <label htmlFor={`${props.id}-municipality`}>{props.municipalityLabel}</label>
          <TextInput id={`${props.id}-municipality`} value={props.municipality} onUpdate={props.onMunicipality} />
        </div>
      </div>
      <div className="actions">
        <Button view="action" disabled={!props.file} loading={props.loading} onClick={props.onPreview}>
          {t.preview}
        </Button>
      </div>
      <InlineError error={props.error} />
    </>
  );
}
