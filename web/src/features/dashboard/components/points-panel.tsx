import { Link } from 'react-router';

import { useI18n } from '@/shared/i18n/i18n-context';
import { usePointsSummary, type PointsSummary, type SummaryPeriod } from '@/shared/points/summary';
import { decimalValue } from '@/shared/points/types';
import { FigureGrid } from '@/shared/ui/figure-grid';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';

function PointsFigures({ summary }: { summary: PointsSummary }) {
  const { t, format } = useI18n();
  const { totals } = summary.flows;
  const { liability } = summary;
  return (
    <>
      <h3 className="panel__subtitle">{t('dashboard.points.inPeriod')}</h3>
      <FigureGrid
        attribute="points"
        items={[
          ['issued', t('pointsAdmin.flow.issued'), format.integer(totals.issued)],
          ['redeemed', t('pointsAdmin.flow.redeemed'), format.integer(totals.redeemed)],
          ['expired', t('pointsAdmin.flow.expired'), format.integer(totals.expired)],
          ['reversed', t('pointsAdmin.flow.reversed'), format.integer(totals.reversed)],
        ]}
      />
      <h3 className="panel__subtitle">{t('pointsAdmin.liabilityNow')}</h3>
      <FigureGrid
        attribute="points"
        items={[
          [
            'outstanding',
            t('pointsAdmin.outstanding'),
            format.integer(liability.outstanding_points),
          ],
          [
            'liability-value',
            t('pointsAdmin.liabilityValue'),
            format.money(decimalValue(liability.value)),
          ],
          ['owed', t('pointsAdmin.owed'), format.integer(liability.owed_points)],
        ]}
      />
    </>
  );
}

/**
 * Renders the points of the dashboard's period: issued, redeemed, expired and reversed, then the
 * liability as of today. The summary covers the whole chain, so the store, department, card and
 * promotion filters of the sales figures do not apply to it.
 */
export function PointsPanel({ period }: { period: SummaryPeriod }) {
  const { t, format } = useI18n();
  const summary = usePointsSummary({ from: period.from, to: period.to });
  return (
    <Panel
      title={t('dashboard.points.title')}
      subtitle={t('dashboard.points.subtitle', {
        from: format.date(period.from),
        to: format.date(period.to),
      })}
      actions={<Link to="/points">{t('dashboard.points.open')}</Link>}
      state={{ isLoading: summary.isPending, error: summary.error }}
      skeleton={<TableSkeleton rows={2} columns={4} />}
      onRetry={() => void summary.refetch()}
    >
      {summary.data && <PointsFigures summary={summary.data} />}
    </Panel>
  );
}
