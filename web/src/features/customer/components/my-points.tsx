import { useI18n } from '@/shared/i18n/i18n-context';
import { usePointsView } from '@/shared/points/api';
import { LedgerHistory } from '@/shared/points/ledger-history';
import { PointsBalance, PointsBalanceSkeleton } from '@/shared/points/points-balance';
import { Panel } from '@/shared/ui/panel';

/** Renders the customer's balance, tier, expiring points and the history of their points. */
export function MyPoints() {
  const { t } = useI18n();
  const view = usePointsView('me');
  return (
    <div className="points-page">
      <Panel
        title={t('points.myBalance')}
        state={{ isLoading: view.isPending, error: view.error }}
        skeleton={<PointsBalanceSkeleton />}
        onRetry={() => void view.refetch()}
      >
        {view.data && <PointsBalance view={view.data} />}
      </Panel>
      <LedgerHistory owner="me" title={t('ledger.title')} />
    </div>
  );
}
