import { Link } from 'react-router';

import { useI18n } from '@/shared/i18n/i18n-context';
import { Skeleton } from '@/shared/ui/skeleton';
import { ErrorState } from '@/shared/ui/states';

import { isUnfinished, useImport } from '../api/get-imports';
import type { ImportRecord } from '../api/types';
import { RejectsTable } from './rejects-table';
import { StatusBadge } from './status-badge';

function ImportProgress({ record }: { record: ImportRecord }) {
  const { t, format } = useI18n();
  const ratio = record.percent === null ? null : record.percent / 100;
  return (
    <div className="import-progress">
      <label className="import-progress__label">
        <span>
          {t('imports.progress')}: {format.percent(ratio)}
        </span>
        <progress max={1} value={ratio ?? undefined} />
      </label>
      <p className="muted" aria-live="polite">
        {t('imports.progress.lines', { lines: format.integer(record.lines_read) })}
      </p>
    </div>
  );
}

const SUMMARY_FIELDS = [
  { name: 'lines_read', label: 'imports.linesRead' },
  { name: 'imported', label: 'imports.imported' },
  { name: 'duplicates', label: 'imports.duplicates' },
  { name: 'rejected', label: 'imports.rejected' },
] as const;

function ImportSummary({ record }: { record: ImportRecord }) {
  const { t, format } = useI18n();
  return (
    <section className="panel" aria-labelledby="import-summary-title">
      <h2 className="panel__title" id="import-summary-title">
        {t('imports.summary')}
      </h2>
      <dl className="summary-grid">
        {SUMMARY_FIELDS.map((field) => (
          <div className="summary-grid__item" key={field.name} data-summary={field.name}>
            <dt>{t(field.label)}</dt>
            <dd>{format.integer(record[field.name])}</dd>
          </div>
        ))}
        <div className="summary-grid__item">
          <dt>{t('imports.started')}</dt>
          <dd className="summary-grid__small">{format.dateTime(record.started_at)}</dd>
        </div>
        {record.finished_at && (
          <div className="summary-grid__item">
            <dt>{t('imports.finished')}</dt>
            <dd className="summary-grid__small">{format.dateTime(record.finished_at)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** Renders one import: progress while it runs, then its summary and rejected rows. */
export function ImportDetail({ id }: { id: number }) {
  const { t } = useI18n();
  const query = useImport(id);
  const record = query.data;

  return (
    <div className="page">
      <p>
        <Link to="/imports">← {t('imports.back')}</Link>
      </p>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('imports.detail.title', { id })}</h1>
          {record ? (
            <p className="page__subtitle">{record.source_name}</p>
          ) : (
            <Skeleton width="12rem" />
          )}
        </div>
        {record && <StatusBadge record={record} />}
      </header>
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {record && isUnfinished(record) && <ImportProgress record={record} />}
      {record?.status === 'failed' && record.error && (
        <p className="state state--error" role="alert">
          {t('imports.failedReason', { message: record.error })}
        </p>
      )}
      {record && <ImportSummary record={record} />}
      {record && !isUnfinished(record) && <RejectsTable importId={id} rejected={record.rejected} />}
    </div>
  );
}
