import { useState } from 'react';

import { useAccount } from '@/shared/auth/use-session';
import { useI18n } from '@/shared/i18n/i18n-context';
import { useRewardPriceColumns } from '@/shared/points/reward-columns';
import { DataTable, type Column } from '@/shared/ui/data-table';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';

import { useAdminRewards } from '../api/rewards';
import type { AdminReward } from '../api/types';
import { RewardForm } from './reward-form';

/** The reward being edited: null for none, 'new' for a new one. */
type Editing = AdminReward | 'new' | null;

/**
 * Renders the rewards catalogue for admins. The super admin creates and edits rewards; store
 * admins only read it, as the API allows.
 */
export function RewardsAdmin() {
  const { t, format } = useI18n();
  const rewards = useAdminRewards();
  const canEdit = useAccount().role === 'super_admin';
  const [editing, setEditing] = useState<Editing>(null);
  const priceColumns = useRewardPriceColumns<AdminReward>({ sortableCost: true });
  const limitText = (value: number | null) =>
    value === null ? t('rewards.unlimited') : format.integer(value);
  const validity = (reward: AdminReward) => {
    if (!reward.valid_from && !reward.valid_to) return t('rewards.always');
    return `${reward.valid_from ? format.date(reward.valid_from) : '…'} – ${
      reward.valid_to ? format.date(reward.valid_to) : '…'
    }`;
  };

  const columns: Column<AdminReward>[] = [
    {
      id: 'name',
      header: t('rewardForm.name'),
      rowHeader: true,
      cell: (row) => row.name,
      sortValue: (row) => row.name,
    },
    {
      id: 'category',
      header: t('rewardForm.category'),
      cell: (row) => row.category,
      sortValue: (row) => row.category,
    },
    ...priceColumns,
    {
      id: 'per_member_limit',
      header: t('rewardForm.limit'),
      numeric: true,
      cell: (row) => limitText(row.per_member_limit),
    },
    { id: 'validity', header: t('rewards.validity'), cell: validity },
    {
      id: 'active',
      header: t('member.status'),
      cell: (row) => (
        <span className={`badge ${row.active ? 'badge--completed' : ''}`}>
          {t(row.active ? 'rewards.active' : 'rewards.inactive')}
        </span>
      ),
    },
  ];
  if (canEdit) {
    columns.push({
      id: 'actions',
      header: t('cards.actions'),
      cell: (row) => (
        <button
          type="button"
          className="button button--small button--secondary"
          aria-label={t('rewards.editNamed', { name: row.name })}
          onClick={() => setEditing(row)}
        >
          {t('member.edit')}
        </button>
      ),
    });
  }

  const close = () => setEditing(null);
  return (
    <div className="dashboard-grid">
      {editing !== null && (
        <Panel
          title={
            editing === 'new'
              ? t('rewardForm.newTitle')
              : t('rewardForm.editTitle', { name: editing.name })
          }
          className="panel--wide"
          state={{ isLoading: false, error: null }}
          skeleton={null}
        >
          <RewardForm
            key={editing === 'new' ? 'new' : editing.id}
            reward={editing === 'new' ? null : editing}
            onDone={close}
          />
        </Panel>
      )}
      <Panel
        title={t('rewards.catalog')}
        className="panel--wide"
        actions={
          canEdit &&
          editing === null && (
            <button
              type="button"
              className="button button--small"
              onClick={() => setEditing('new')}
            >
              {t('rewards.new')}
            </button>
          )
        }
        state={{
          isLoading: rewards.isPending,
          error: rewards.error,
          isEmpty: rewards.data?.length === 0,
        }}
        emptyText={t('rewards.none')}
        skeleton={<TableSkeleton rows={4} columns={6} />}
        onRetry={() => void rewards.refetch()}
      >
        {rewards.data && (
          <DataTable
            caption={t('rewards.catalog')}
            columns={columns}
            rows={rewards.data}
            rowKey={(row) => String(row.id)}
          />
        )}
      </Panel>
    </div>
  );
}
