import { ExportButtons as FormatButtons } from '@/shared/ui/export-buttons';

import { exportTable } from '../api/export-table';
import type { ExportTable } from '../api/types';
import type { SalesQuery } from '../filters/filter-state';

/** CSV and Excel downloads of one table, for the filters on screen. */
export function ExportButtons({
  query,
  table,
  tableTitle,
}: {
  query: SalesQuery;
  table: ExportTable;
  tableTitle: string;
}) {
  return (
    <FormatButtons subject={tableTitle} onExport={(format) => exportTable(query, table, format)} />
  );
}
