import { useI18n } from '@/shared/i18n/i18n-context';

import type { FavouriteDepartment, PurchaseSummary } from './types';

function asDepartment(entry: FavouriteDepartment | string): FavouriteDepartment {
  return typeof entry === 'string' ? { name: entry, net_revenue: null } : entry;
}

/** Renders a member's spending, receipts, last visit and favourite departments. */
export function PurchaseSummaryView({ summary }: { summary: PurchaseSummary }) {
  const { t, format } = useI18n();
  const departments = summary.favourite_departments.map(asDepartment);
  return (
    <div className="purchase-summary">
      <dl className="summary-grid">
        <div className="summary-grid__item" data-summary="net_revenue">
          <dt>{t('purchases.netRevenue')}</dt>
          <dd>{format.money(summary.net_revenue)}</dd>
        </div>
        <div className="summary-grid__item" data-summary="receipts">
          <dt>{t('purchases.receipts')}</dt>
          <dd>{format.integer(summary.receipts)}</dd>
        </div>
        <div className="summary-grid__item" data-summary="last_visit">
          <dt>{t('purchases.lastVisit')}</dt>
          <dd>{summary.last_visit ? format.date(summary.last_visit) : t('purchases.noVisit')}</dd>
        </div>
      </dl>
      <h3 className="purchase-summary__title">{t('purchases.favouriteDepartments')}</h3>
      {departments.length === 0 ? (
        <p className="muted">{t('purchases.noDepartments')}</p>
      ) : (
        <ol className="purchase-summary__departments">
          {departments.map((department, index) => (
            <li key={`${department.name ?? ''}-${index}`}>
              <span>{department.name ?? t('department.none')}</span>
              {department.net_revenue !== null && (
                <span className="muted"> · {format.money(department.net_revenue)}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
