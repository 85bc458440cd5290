import { useState } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';

import { useErrorMessage } from './states';

export type ExportFormat = 'csv' | 'xlsx';
const FORMATS: ExportFormat[] = ['csv', 'xlsx'];

/**
 * Renders CSV and Excel buttons for `subject` (a table or a list). `onExport` downloads the file;
 * its failure shows next to the buttons instead of being saved as a file.
 */
export function ExportButtons({
  subject,
  onExport,
}: {
  subject: string;
  onExport: (format: ExportFormat) => Promise<void>;
}) {
  const { t } = useI18n();
  const messageOf = useErrorMessage();
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: ExportFormat) => {
    setRunning(format);
    setError(null);
    try {
      await onExport(format);
    } catch (cause) {
      setError(t('export.failed', { message: messageOf(cause) }));
    } finally {
      setRunning(null);
    }
  };

  return (
    <div className="export-buttons" role="group" aria-label={`${t('export.label')}: ${subject}`}>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button button--small button--secondary"
          aria-label={t('export.action', { table: subject, format: t(`export.${format}`) })}
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
