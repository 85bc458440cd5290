import { apiDownload } from '@/shared/api/client';

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
  const url = URL.createObjectURL(file.blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = file.filename;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoking the URL in the same task can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
