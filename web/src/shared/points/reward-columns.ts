import { useI18n } from '@/shared/i18n/i18n-context';
import type { Column } from '@/shared/ui/data-table';

import { decimalValue, type Reward } from './types';

/**
 * Returns the table columns of a reward's price and stock: the points cost, the co-payment in
 * euros and the stock left, "unlimited" when null. `sortableCost` lets the user sort by cost.
 */
export function useRewardPriceColumns<Row extends Reward>({
  sortableCost = false,
}: { sortableCost?: boolean } = {}): Column<Row>[] {
  const { t, format } = useI18n();
  return [
    {
      id: 'points_cost',
      header: t('rewardForm.pointsCost'),
      numeric: true,
      cell: (row) => format.integer(row.points_cost),
      ...(sortableCost ? { sortValue: (row: Row) => row.points_cost } : {}),
    },
    {
      id: 'copay',
      header: t('rewardForm.copay'),
      numeric: true,
      cell: (row) => format.money(decimalValue(row.copay)),
    },
    {
      id: 'stock',
      header: t('rewardForm.stock'),
      numeric: true,
      cell: (row) => (row.stock === null ? t('rewards.unlimited') : format.integer(row.stock)),
    },
  ];
}
