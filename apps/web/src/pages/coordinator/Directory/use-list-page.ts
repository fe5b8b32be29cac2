import { useDeferredValue, useMemo, useState } from 'react';

export const DIRECTORY_PAGE_SIZE = 50;

/**
 * One tab's rows as a person reads them: narrowed by what they type (any of the row's texts,
 * case and «ё» aside) and cut into pages, so a region's thousands of rows stay quick to render.
 */
export function useListPage<T>(rows: readonly T[], texts: (row: T) => (string | null | undefined)[]) {
  const [query, setQueryState] = useState('');
  const [page, setPage] = useState(1);
  const deferred = useDeferredValue(query);
  const matching = useMemo(() => {
    const needle = fold(deferred.trim());
    if (!needle) return rows;
    return rows.filter((row) => texts(row).some((text) => !!text && fold(text).includes(needle)));
    // `texts` is a pure projection the caller defines inline: the rows and the query decide the result.
  }, [rows, deferred]);
  const pages = Math.max(1, Math.ceil(matching.length / DIRECTORY_PAGE_SIZE));
  const current = Math.min(page, pages);
  return {
    query,
    setQuery: (value: string) => {
      setQueryState(value);
      setPage(1);
    },
    page: current,
    setPage,
    total: matching.length,
    rows: matching.slice((current - 1) * DIRECTORY_PAGE_SIZE, current * DIRECTORY_PAGE_SIZE),
  };
}

const fold = (text: string): string => text.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');
