import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * What both directory imports keep: the file, the municipality of rows that name none, and the
 * preview the server answers (it stores nothing). `picker` is ImportPicker's props.
 */
export function useImportPreview<P>(upload: (form: FormData) => Promise<P>, onLoaded: () => void) {
  const [file, setFile] = useState<File | null>(null);
  const [municipality, setMunicipality] = useState('');
  const [preview, setPreview] = useState<P | null>(null);
  const load = useMutation({
    mutationFn: () => {
      const form = new FormData();
      if (file) form.append('file', file);
      if (municipality.trim()) form.append('municipality', municipality.trim());
      return upload(form);
    },
    onSuccess: (result) => {
      setPreview(result);
      onLoaded();
    },
  });
  return {
    preview,
    setPreview,
    picker: {
      file,
      onFile: setFile,
      municipality,
      onMunicipality: setMunicipality,
      loading: load.isPending,
      error: load.error,
      onPreview: () => load.mutate(),
    },
  };
}
