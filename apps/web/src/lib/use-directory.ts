// The directory's lists as the pages read them: one query key each (['directory', …]), so every
// page shares one cached copy and one invalidation of ['directory'] refreshes them all.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

export function useDirectorySchools(enabled = true) {
  return useQuery({
    queryKey: ['directory', 'schools'],
    queryFn: () => unwrap(api.GET('/api/directory/schools')),
    enabled,
  });
}

export function useDirectoryOrganisations(enabled = true) {
  return useQuery({
    queryKey: ['directory', 'organisations'],
    queryFn: () => unwrap(api.GET('/api/directory/organisations')),
    enabled,
  });
}

export function useDirectoryMunicipalities(enabled = true) {
  return useQuery({
    queryKey: ['directory', 'municipalities'],
    queryFn: () => unwrap(api.GET('/api/directory/municipalities')),
    enabled,
  });
}

export function useDirectoryPeopleList(enabled = true) {
  return useQuery({
    queryKey: ['directory', 'people'],
    queryFn: () => unwrap(api.GET('/api/directory/people')),
    enabled,
  });
}

/** Active directory people as select options («ФИО, должность»), without `exclude` (e.g. the current curator). */
export function useDirectoryPeople(exclude?: string | null) {
  const people = useDirectoryPeopleList();
  const options = (people.data ?? [])
    .filter((p) => p.active && p.id !== exclude)
    .map((p) => ({ value: p.id, content: p.position ? `${p.fullName}, ${p.position}` : p.fullName }));
  return { people, options };
}
