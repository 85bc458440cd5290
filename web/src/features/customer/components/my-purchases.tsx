import { useI18n } from '@/shared/i18n/i18n-context';
import { PurchaseSummaryView } from '@/shared/loyalty/purchase-summary';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';

import { useMyPurchases } from '../api/me';

/** Renders the customer's spending with their cards, over all time. */
export function MyPurchases() {
  const { t } = useI18n();
  const purchases = useMyPurchases();
  return (
    <Panel
      title={t('purchases.allTime')}
      state={{ isLoading: purchases.isPending, error: purchases.error }}
      skeleton={<TableSkeleton rows={3} columns={3} />}
      onRetry={() => void purchases.refetch()}
    >
      {purchases.data && <PurchaseSummaryView summary={purchases.data} />}
    </Panel>
  );
}
