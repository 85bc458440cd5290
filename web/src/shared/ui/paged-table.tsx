import { pageCount, type Page } from '@/shared/api/page';

import { DataTable, type DataTableProps } from './data-table';
import { Pagination } from './pagination';

/** Renders one page of a list route as a table, with buttons to the other pages. */
export function PagedTable<Row>({
  page,
  onPageChange,
  ...table
}: Omit<DataTableProps<Row>, 'rows'> & {
  page: Page<Row>;
  onPageChange: (page: number) => void;
}) {
  return (
    <>
      <DataTable {...table} rows={page.items} />
      <Pagination page={page.page} pageCount={pageCount(page)} onPageChange={onPageChange} />
    </>
  );
}
