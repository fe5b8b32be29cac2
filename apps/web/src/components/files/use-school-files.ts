import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { StoredFile } from './FileList';
import { schoolFilesKey } from './UploadDocument';

/** Every upload of the school, oldest first; grouped by purpose (one document's versions). */
export function useSchoolFiles(cycleId: string, schoolId: string) {
  return useQuery({
    queryKey: schoolFilesKey(cycleId, schoolId),
    queryFn: () =>
      unwrap(api.GET('/api/cycles/{cycleId}/schools/{schoolId}/files', { params: { path: { cycleId, schoolId } } })),
    select: (files): Map<string, StoredFile[]> => {
      const byPurpose = new Map<string, StoredFile[]>();
      for (const f of files) {
        const key = f.purpose ?? '';
        byPurpose.set(key, [...(byPurpose.get(key) ?? []), f]);
      }
      return byPurpose;
    },
  });
}
