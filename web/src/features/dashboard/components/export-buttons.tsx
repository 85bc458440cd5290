import { useState } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import { useErrorMessage } from '@/shared/ui/states';

import { exportTable } from '../api/export-table';
import type { ExportFormat, ExportTable } from '../api/types';
import type { SalesQuery } from '../filters/filter-state';

const FORMATS: ExportFormat[] = ['csv', 'xlsx'];

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
  const { t } = useI18n();
  const messageOf = useErrorMessage();
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: ExportFormat) => {
    setRunning(format);
    setError(null);
    try {
      await exportTable(query, table, format);
    } catch (cause) {
      setError(t('export.failed', { message: messageOf(cause) }));
    } finally {
      setRunning(null);
    }
  };

  return (
    <div className="export-buttons" role="group" aria-label={`${t('export.label')}: ${tableTitle}`}>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button button--small button--secondary"
          aria-label={t('export.action', { table: tableTitle, format: t(`export.${format}`) })}
          aria-busy={running === format}
          disabled={running !== null}
          onClick={() => void run(format)}
        >
          {t(`export.${format}`)}
        </button>
      ))}
      {error && (
        <p className="export-buttons__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
