import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export type SchoolYearState = Schemas['SchoolYearStateView'];
export type ConceptDocument = Schemas['ConceptDocumentView'];

/** The school's year from the read model (GET /api/schools/:id): state, documents, and the caller's capacities. */
export function useSchoolYear(schoolId: string) {
  return useQuery({
    queryKey: schoolYearKey(schoolId),
    queryFn: () => unwrap(api.GET('/api/schools/{id}', { params: { path: { id: schoolId } } })),
  });
}

export const schoolYearKey = (schoolId: string) => ['school-year', schoolId] as const;
