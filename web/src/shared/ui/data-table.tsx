import { useMemo, useState, type ReactNode } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';

export type SortDirection = 'ascending' | 'descending';
export type SortValue = number | string | null | undefined;

export interface Column<Row> {
  id: string;
  header: string;
  cell: (row: Row, index: number) => ReactNode;
  /** The value to sort by; a column without one cannot be sorted in the browser. */
  sortValue?: (row: Row) => SortValue;
  /** True for a column the server sorts by, in a table whose sort is controlled. */
  serverSortable?: boolean;
  /** Numbers align at the end so that their digits line up. */
  numeric?: boolean;
  /** The cell that names the row, read out by screen readers with every other cell. */
  rowHeader?: boolean;
}

const SORT_ICONS: Record<SortDirection | 'none', string> = {
  ascending: '▲',
  descending: '▼',
  none: '↕',
};

export interface SortState {
  columnId: string;
  direction: SortDirection;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => string;
  initialSort?: SortState;
  /**
   * The sort of rows the server has already ordered. With `onSortChange`, a header click
   * reports the new sort instead of reordering the rows here.
   */
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  /** True while newer rows load: the old ones stay, dimmed. */
  busy?: boolean;
}

function isMissing(value: SortValue): value is null | undefined {
  return value === null || value === undefined;
}

/** Compares two present values: numbers by size, text in the language's alphabetical order. */
export function compareSortValues(
  a: string | number,
  b: string | number,
  collator: Intl.Collator,
): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Sorts stably; missing values go last in both directions, so "n/d" never leads a ranking. */
export function sortRows<Row>(
  rows: Row[],
  sortValue: ((row: Row) => SortValue) | undefined,
  direction: SortDirection,
  collator: Intl.Collator,
): Row[] {
  if (!sortValue) return rows;
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row) }))
    .sort((a, b) => {
      if (isMissing(a.value) || isMissing(b.value)) {
        return Number(isMissing(a.value)) - Number(isMissing(b.value)) || a.index - b.index;
      }
      return sign * compareSortValues(a.value, b.value, collator) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/**
 * Renders a table whose sortable columns sort on click or Enter: numbers largest first, text A to
 * Z, and a second activation reverses the order.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  onSortChange,
  busy,
  ...props
}: DataTableProps<Row>) {
  const { t, language } = useI18n();
  const [localSort, setLocalSort] = useState<SortState | null>(initialSort ?? null);
  const controlled = onSortChange !== undefined;
  const sort = controlled ? (props.sort ?? null) : localSort;
  const collator = useMemo(() => new Intl.Collator(language, { numeric: true }), [language]);
  const sortedColumn = controlled ? undefined : columns.find((c) => c.id === sort?.columnId);
  const sorted = useMemo(
    () => sortRows(rows, sortedColumn?.sortValue, sort?.direction ?? 'descending', collator),
    [rows, sortedColumn, sort?.direction, collator],
  );

  const toggle = (column: Column<Row>) => {
    const numericFirst: SortDirection = column.numeric ? 'descending' : 'ascending';
    let next: SortState = { columnId: column.id, direction: numericFirst };
    if (sort?.columnId === column.id) {
      const flipped: SortDirection = sort.direction === 'ascending' ? 'descending' : 'ascending';
      next = { columnId: column.id, direction: flipped };
    }
    if (controlled) onSortChange(next);
    else setLocalSort(next);
  };
  const sortable = (column: Column<Row>) =>
    controlled ? column.serverSortable === true : column.sortValue !== undefined;

  return (
    <div
      className={busy ? 'table-scroll table-scroll--busy' : 'table-scroll'}
      role="region"
      aria-label={caption}
      aria-busy={busy || undefined}
      tabIndex={0}
    >
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const ariaSort = sort?.columnId === column.id ? sort.direction : undefined;
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={ariaSort}
                  className={column.numeric ? 'numeric' : undefined}
                >
                  {sortable(column) ? (
                    <button
                      type="button"
                      className="sort-button"
                      title={t('table.sortBy', { column: column.header })}
                      onClick={() => toggle(column)}
                    >
                      {column.header}
                      <span className="sort-button__icon" aria-hidden="true">
                        {SORT_ICONS[ariaSort ?? 'none']}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row, index) => (
            <tr key={rowKey(row, index)}>
              {columns.map((column) => {
                const className = column.numeric ? 'numeric' : undefined;
                const content = column.cell(row, index);
                return column.rowHeader ? (
                  <th key={column.id} scope="row" className={className}>
                    {content}
                  </th>
                ) : (
                  <td key={column.id} className={className}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
