import { apiDownload } from '@/shared/api/client';
import { saveFile } from '@/shared/lib/save-file';

import type { SalesQuery } from '../filters/filter-state';
import type { ExportFormat, ExportTable } from './types';

/** Downloads one dashboard table for the current filters and hands it to the browser. */
export async function exportTable(
  query: SalesQuery,
  table: ExportTable,
  format: ExportFormat,
): Promise<void> {
  const fallbackName = `imagross-${table}-${query.from}-${query.to}.${format}`;
  const file = await apiDownload('/analytics/export', { ...query, table, format }, fallbackName);
  saveFile(file.blob, file.filename);
}
