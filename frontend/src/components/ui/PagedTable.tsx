import { Fragment, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { TableScroll } from './Page';
import { Pagination } from './Pagination';
import './pagedTable.css';

/** A page of an API list: `{items, total, limit, offset}` (other fields, such as a ranking's figures, may ride along). */
export type PageOf<T> = { items: T[]; total: number; limit: number; offset: number };

export type Column<T> = {
  /** A key unique among the columns. */
  key: string;
  header: ReactNode;
  /** The API's sort field of this column (`title`, `createdAt`…): a click on its header sorts by it, a second reverses. */
  sort?: string;
  /** The direction of the first click: `desc` for dates and scores, where the largest comes first. */
  firstDirection?: 'asc' | 'desc';
  /** `num` for figures (aligned to the end, tabular digits). */
  className?: string;
  /** The row's header cell (`<th scope="row">`): the cell that names the row. */
  rowHeader?: boolean;
  cell?: (item: T) => ReactNode;
};

type Props<T> = {
  /** The table's name: the scrolling region's label and the caption. */
  label: string;
  /** A caption other than the label, when the region and the table say different things. */
  caption?: string;
  columns: Column<T>[];
  page: PageOf<T>;
  rowKey: (item: T) => string;
  /** Said instead of an empty table. */
  empty: ReactNode;
  /** The sort the API applies without one in the address (to mark its column as sorted). */
  defaultSort?: string;
  className?: string;
  /** A class for a row that stands out (a disputed idea). */
  rowClassName?: (item: T) => string | undefined;
  /** A row's cells drawn by a component of its own (one with hooks, or followed by a row of its own): it returns the `<tr>`. */
  row?: (item: T) => ReactNode;
  /** Without pagination: a page that holds the whole list. */
  unpaged?: boolean;
};

/** The address's paging of a list: its offset and sort (`?offset=40&sort=-createdAt`), and how to change them. */
export function usePaging(defaultSort?: string) {
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Math.trunc(Number(params.get('offset')) || 0));
  const sort = params.get('sort') || defaultSort;
  const change = (next: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const merged = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) {
          if (value) merged.set(key, value);
          else merged.delete(key);
        }
        return merged;
      },
      { replace: true },
    );
  return {
    offset,
    sort,
    setOffset: (value: number) => change({ offset: value > 0 ? String(value) : undefined }),
    setSort: (value: string) => change({ sort: value === defaultSort ? undefined : value, offset: undefined }),
    /** Back to the first page: a filter changed. */
    firstPage: () => change({ offset: undefined }),
  };
}

/**
 * The list pages' table: a caption, header cells that sort the list by a click (the API sorts; `aria-sort` says
 * how), rows, an empty message instead of an empty table, and previous/next — the offset and the sort kept in the
 * address, so that a page of a list can be reloaded, shared and gone back to.
 */
export function PagedTable<T>({ label, caption, columns, page, rowKey, empty, defaultSort, className, rowClassName, row, unpaged = false }: Props<T>) {
  const paging = usePaging(defaultSort);
  if (page.items.length === 0) {
    return (
      <p role="status" className="muted">
        {empty}
      </p>
    );
  }
  return (
    <>
      <TableScroll label={label}>
        <table className={['table', className].filter(Boolean).join(' ')}>
          <caption className="visually-hidden">{caption ?? label}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <HeaderCell key={column.key} column={column} sort={paging.sort} onSort={paging.setSort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {page.items.map((item) =>
              row ? (
                <Fragment key={rowKey(item)}>{row(item)}</Fragment>
              ) : (
                <tr key={rowKey(item)} className={rowClassName?.(item)}>
                  {columns.map((column) =>
                    column.rowHeader ? (
                      <th key={column.key} scope="row" className={column.className}>
                        {column.cell?.(item)}
                      </th>
                    ) : (
                      <td key={column.key} className={column.className}>
                        {column.cell?.(item)}
                      </td>
                    ),
                  )}
                </tr>
              ),
            )}
          </tbody>
        </table>
      </TableScroll>
      {unpaged ? null : <Pagination total={page.total} limit={page.limit} offset={page.offset} onChange={paging.setOffset} />}
    </>
  );
}

function HeaderCell<T>({ column, sort, onSort }: { column: Column<T>; sort: string | undefined; onSort: (sort: string) => void }) {
  if (!column.sort) {
    return (
      <th scope="col" className={column.className}>
        {column.header}
      </th>
    );
  }
  const field = column.sort;
  const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined;
  const next = direction === 'ascending' ? `-${field}` : direction === 'descending' ? field : column.firstDirection === 'desc' ? `-${field}` : field;
  return (
    <th scope="col" className={column.className} aria-sort={direction}>
      <button type="button" className="sort-button" onClick={() => onSort(next)}>
        {column.header}
      </button>
    </th>
  );
}
