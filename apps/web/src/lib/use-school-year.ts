import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/**
 * An action on the school's workflow: the Update answers with the new state, which replaces the
 * cached one at once (the projection is written before the API answers, so reads agree).
 */
export function useSchoolAction<I>(schoolId: string, cycleId: string, call: (input: I) => Promise<SchoolYearState>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (state) => {
      queryClient.setQueryData<Schemas['SchoolYearView']>(schoolYearKey(schoolId), (old) =>
        old ? { ...old, state } : old,
      );
      void queryClient.invalidateQueries({ queryKey: schoolYearKey(schoolId) });
      void queryClient.invalidateQueries({ queryKey: ['school-timeline', schoolId] });
      void queryClient.invalidateQueries({ queryKey: ['cycle', cycleId] });
    },
  });
}
