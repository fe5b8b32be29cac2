import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

/** Active directory people as select options («ФИО, должность»), without `exclude` (e.g. the current curator). */
export function useDirectoryPeople(exclude?: string | null) {
  const people = useQuery({
    queryKey: ['directory', 'people'],
    queryFn: () => unwrap(api.GET('/api/directory/people')),
  });
  const options = (people.data ?? [])
    .filter((p) => p.active && p.id !== exclude)
    .map((p) => ({ value: p.id, content: p.position ? `${p.fullName}, ${p.position}` : p.fullName }));
  return { people, options };
}
