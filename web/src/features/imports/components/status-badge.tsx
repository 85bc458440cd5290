import { useI18n } from '@/shared/i18n/i18n-context';

import type { ImportRecord } from '../api/types';

export function StatusBadge({ record }: { record: ImportRecord }) {
  const { t } = useI18n();
  return (
    <span className="badges">
      <span className={`badge badge--${record.status}`}>
        {t(`imports.status.${record.status}`)}
      </span>
      {record.dry_run && <span className="badge">{t('imports.dryRunBadge')}</span>}
    </span>
  );
}
