import { Pagination, TextInput } from '@gravity-ui/uikit';
import { count } from '../../../lib/plural';
import { t } from './i18n';
import { DIRECTORY_PAGE_SIZE, type useListPage } from './use-list-page';

type ListPage = ReturnType<typeof useListPage<unknown>>;

/** The search field and the count above a directory table. */
export function ListSearch({ list, label, of }: { list: ListPage; label: string; of: number }) {
  return (
    <div className="filters">
      <TextInput
        type="search"
        placeholder={t.searchPlaceholder}
        value={list.query}
        onUpdate={list.setQuery}
        controlProps={{ 'aria-label': label }}
        hasClear
      />
      <span className="muted" role="status" aria-live="polite">
        {list.query.trim() ? t.found(list.total, of) : count(of, t.records)}
      </span>
    </div>
  );
}

/** The pages below a directory table, when there is more than one. */
export function ListPages({ list }: { list: ListPage }) {
  if (list.total <= DIRECTORY_PAGE_SIZE) return null;
  return (
    <div className="actions">
      <Pagination page={list.page} pageSize={DIRECTORY_PAGE_SIZE} total={list.total} onUpdate={list.setPage} />
    </div>
  );
}
