import './files.css';
import { Alert, Button } from '@gravity-ui/uikit';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { FileInput } from '../FileInput';
import { InlineError } from '../PageState';
import type { StoredFile } from './FileList';
import { t } from './i18n';

const MAX_BYTES = 20 * 1024 * 1024;
/** What the document routes accept (the server checks the bytes; this only narrows the picker). */
export const DOCUMENT_ACCEPT =
  '.pdf,.docx,.xlsx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,' +
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.text';

export const schoolFilesKey = (cycleId: string, schoolId: string) => ['school-files', cycleId, schoolId] as const;

/**
 * Uploads one document of a school (a new version each time). The server checks the type from the
 * bytes and the size; a file over 20 MB is refused here already, before it is sent.
 */
export function UploadDocument({
  id,
  cycleId,
  schoolId,
  purpose,
  label,
  onUploaded,
}: {
  id: string;
  cycleId: string;
  schoolId: string;
  purpose: string;
  label: string;
  onUploaded?: (file: StoredFile) => void;
}) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      if (chosen.size > MAX_BYTES) return Promise.reject(new ApiError(413, t.tooLarge(chosen.name)));
      const form = new FormData();
      form.append('purpose', purpose);
      form.append('file', chosen, chosen.name);
      return unwrap(
        api.POST('/api/cycles/{cycleId}/schools/{schoolId}/files', {
          params: { path: { cycleId, schoolId } },
          body: {} as never,
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: (stored) => {
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: schoolFilesKey(cycleId, schoolId) });
      onUploaded?.(stored);
    },
  });
  return (
    <div className="upload-document">
      <FileInput
        id={id}
        label={label}
        accept={DOCUMENT_ACCEPT}
        file={file}
        onChange={(f) => {
          setFile(f);
          upload.reset();
        }}
      />
      <Button
        view="action"
        size="m"
        disabled={!file}
        loading={upload.isPending}
        onClick={() => file && upload.mutate(file)}
      >
        {t.upload}
      </Button>
      <span className="muted upload-document__hint">{t.allowed}</span>
      {upload.isSuccess && <Alert theme="success" message={t.uploaded(upload.data.name)} />}
      <InlineError error={upload.error} title={t.uploadFailed} />
    </div>
  );
}
