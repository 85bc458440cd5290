import type { BoundFormat } from '@/shared/format/bound-format';
import type { Column } from '@/shared/ui/data-table';

// Builders for the numeric columns the dashboard's tables share, so that every table formats and
// sorts money, counts and quantities the same way.

export function moneyColumn<Row>(
  id: string,
  header: string,
  value: (row: Row) => number | null,
  format: BoundFormat,
): Column<Row> {
  return { id, header, numeric: true, sortValue: value, cell: (row) => format.money(value(row)) };
}

export function countColumn<Row>(
  id: string,
  header: string,
  value: (row: Row) => number,
  format: BoundFormat,
): Column<Row> {
  return { id, header, numeric: true, sortValue: value, cell: (row) => format.integer(value(row)) };
}

export function quantityColumn<Row>(
  id: string,
  header: string,
  value: (row: Row) => number,
  format: BoundFormat,
): Column<Row> {
  return {
    id,
    header,
    numeric: true,
    sortValue: value,
    cell: (row) => format.quantity(value(row)),
  };
}

export function textColumn<Row>(
  id: string,
  header: string,
  value: (row: Row) => string,
  rowHeader = false,
): Column<Row> {
  return { id, header, rowHeader, sortValue: value, cell: (row) => value(row) };
}
