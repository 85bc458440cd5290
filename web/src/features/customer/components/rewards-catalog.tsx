import { useState } from 'react';
import { Link } from 'react-router';

import { useI18n } from '@/shared/i18n/i18n-context';
import { groupCardNumber } from '@/shared/lib/ean13';
import { usePointsView } from '@/shared/points/api';
import { RedeemDialog } from '@/shared/points/redeem-dialog';
import { decimalValue, type Redemption } from '@/shared/points/types';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';

import { useMyRewards, useRedeem, type CatalogReward } from '../api/rewards';

function CustomerRedeemDialog({
  reward,
  onDone,
  onCancel,
}: {
  reward: CatalogReward;
  onDone: (redemption: Redemption) => void;
  onCancel: () => void;
}) {
  const redeem = useRedeem();
  return (
    <RedeemDialog
      reward={reward}
      audience="customer"
      busy={redeem.isPending}
      error={redeem.error}
      onConfirm={() => redeem.mutate(reward.id, { onSuccess: onDone })}
      onCancel={onCancel}
    />
  );
}

/** Returns why a reward cannot be redeemed now, or null when it can. */
function useUnavailableReason(): (
  reward: CatalogReward,
  available: number | null,
) => string | null {
  const { t, format } = useI18n();
  return (reward, available) => {
    if (reward.stock === 0) return t('rewards.outOfStock');
    if (reward.per_member_limit !== null && reward.redeemed >= reward.per_member_limit) {
      return t('rewards.limitReached');
    }
    if (!reward.affordable) {
      const missing = available === null ? null : reward.points_cost - Math.max(available, 0);
      return missing !== null && missing > 0
        ? t('rewards.missingPoints', { points: format.integer(missing) })
        : t('rewards.notAffordable');
    }
    return null;
  };
}

function RewardCard({
  reward,
  available,
  onRedeem,
}: {
  reward: CatalogReward;
  available: number | null;
  onRedeem: () => void;
}) {
  const { t, format } = useI18n();
  const unavailable = useUnavailableReason()(reward, available);
  const copay = decimalValue(reward.copay) ?? 0;
  return (
    <article
      className="reward-card"
      data-reward={reward.id}
      data-affordable={reward.affordable}
      aria-label={reward.name}
    >
      {reward.image_url && <img className="reward-card__image" src={reward.image_url} alt="" />}
      <div className="reward-card__body">
        {reward.category && <p className="reward-card__category">{reward.category}</p>}
        <h3 className="reward-card__name">{reward.name}</h3>
        {reward.description && <p className="muted">{reward.description}</p>}
        <p className="reward-card__cost" data-reward-cost>
          {t('rewards.cost', { points: format.integer(reward.points_cost) })}
          {copay > 0 && ` + ${format.money(copay)}`}
        </p>
        <p className="reward-card__meta">
          {reward.stock === null
            ? t('rewards.stockUnlimited')
            : t('rewards.stock', { count: format.integer(reward.stock) })}
          {reward.valid_to && ` · ${t('rewards.validTo', { date: format.date(reward.valid_to) })}`}
        </p>
        {unavailable ? (
          <p className="reward-card__status tone--bad">{unavailable}</p>
        ) : (
          <p className="reward-card__status tone--good">{t('rewards.affordable')}</p>
        )}
      </div>
      <button
        type="button"
        className="button"
        disabled={unavailable !== null}
        onClick={onRedeem}
        aria-label={t('rewards.redeemNamed', { name: reward.name })}
      >
        {t('rewards.redeem')}
      </button>
    </article>
  );
}

/**
 * Renders the rewards catalogue with what each costs and whether the customer's points cover it,
 * and redeems one after a confirm step. The new voucher shows above the catalogue.
 */
export function RewardsCatalog() {
  const { t, format } = useI18n();
  const rewards = useMyRewards();
  const view = usePointsView('me');
  const [choice, setChoice] = useState<CatalogReward | null>(null);
  const [issued, setIssued] = useState<Redemption | null>(null);
  const available = view.data ? view.data.balance : null;

  return (
    <>
      {issued && (
        <p className="notice" role="status" data-issued-voucher={issued.voucher_code}>
          {t('redeem.done', {
            name: issued.reward_name,
            code: groupCardNumber(issued.voucher_code),
          })}{' '}
          <Link to="/vouchers">{t('redeem.showVouchers')}</Link>
        </p>
      )}
      <Panel
        title={t('rewards.catalog')}
        subtitle={
          view.data ? t('rewards.yourBalance', { points: format.integer(view.data.balance) }) : ''
        }
        state={{
          isLoading: rewards.isPending,
          error: rewards.error,
          isEmpty: rewards.data?.length === 0,
        }}
        emptyText={t('rewards.none')}
        skeleton={<TableSkeleton rows={4} columns={3} />}
        onRetry={() => void rewards.refetch()}
      >
        <div className="reward-grid">
          {rewards.data?.map((reward) => (
            <RewardCard
              key={reward.id}
              reward={reward}
              available={available}
              onRedeem={() => {
                setIssued(null);
                setChoice(reward);
              }}
            />
          ))}
        </div>
      </Panel>
      {choice && (
        <CustomerRedeemDialog
          reward={choice}
          onCancel={() => setChoice(null)}
          onDone={(redemption) => {
            setChoice(null);
            setIssued(redemption);
          }}
        />
      )}
    </>
  );
}
