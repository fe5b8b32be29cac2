import './files.css';
import { Button } from '@gravity-ui/uikit';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { formatSize, t } from './i18n';

export type StoredFile = Schemas['StoredFileView'];

const PDF = 'application/pdf';

/** One file: name, size, when; «Открыть» shows a PDF in place, «Скачать» downloads it under its own name. */
export function FileRow({ file, timeZone, label }: { file: StoredFile; timeZone: string; label?: string }) {
  const [open, setOpen] = useState(false);
  const inline = `${file.contentUrl}?disposition=inline`;
  return (
    <li className="file-row" data-testid="file-row">
      <div className="file-row__line">
        <div className="file-row__what">
          {label && <span className="file-row__label">{label}</span>}
          <span className="file-row__name">{file.name}</span>
          <span className="muted">
            {formatSize(file.size)} · {formatDateTime(file.createdAt, timeZone)}
          </span>
        </div>
        <div className="file-row__actions">
          {file.contentType === PDF && (
            <Button view="flat" size="m" onClick={() => setOpen(!open)} aria-expanded={open}>
              {open ? t.close : t.open}
            </Button>
          )}
          <Button view="outlined" size="m" href={file.contentUrl} download={file.name}>
            {t.download}
          </Button>
        </div>
      </div>
      {open && (
        // An iframe, not <object>: the app's CSP allows same-origin frames and no plugins.
        <iframe className="file-preview" src={inline} title={t.previewTitle(file.name)} />
      )}
    </li>
  );
}

/** Versions of one document, oldest first as uploaded; the newest is marked as the current one. */
export function FileVersions({ files, timeZone }: { files: StoredFile[]; timeZone: string }) {
  if (files.length === 0) return <p className="muted">{t.noFiles}</p>;
  return (
    <ul className="file-list">
      {files.map((f, i) => (
        <FileRow key={f.id} file={f} timeZone={timeZone} label={t.version(i + 1)} />
      ))}
    </ul>
  );
}
