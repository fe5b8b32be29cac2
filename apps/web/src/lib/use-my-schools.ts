import { useQueries, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';

export interface MySchool {
  cycle: Schemas['CycleView'];
  school: Schemas['SchoolProgressView'];
}

/**
 * The schools of the caller's scope across cycles, newest cycle first (a school team sees its own
 * school, a curator the schools it curates). Each cycle view is the one the dashboard caches too.
 */
export function useMySchools() {
  const cycles = useQuery({ queryKey: ['cycles'], queryFn: () => unwrap(api.GET('/api/cycles')) });
  const withSchools = (cycles.data ?? []).filter((c) => c.schools > 0);
  const views = useQueries({
    queries: withSchools.map((c) => ({
      queryKey: ['cycle', c.id],
      queryFn: () => unwrap(api.GET('/api/cycles/{id}', { params: { path: { id: c.id } } })),
    })),
  });
  const error = cycles.error ?? views.find((v) => v.error)?.error ?? null;
  const pending = cycles.isPending || views.some((v) => v.isPending);
  const schools: MySchool[] = views.flatMap((v) =>
    v.data ? v.data.schools.map((school) => ({ cycle: v.data, school })) : [],
  );
  return {
    schools,
    pending,
    error,
    refetch: () => {
      void cycles.refetch();
      views.forEach((v) => void v.refetch());
    },
  };
}
