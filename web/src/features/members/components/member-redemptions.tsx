import { useId, useState } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import { todayIsoDate } from '@/shared/lib/calendar-date';
import { groupCardNumber } from '@/shared/lib/ean13';
import {
  CloseRedemptionDialog,
  useRedemptionColumns,
  type RedemptionAction,
} from '@/shared/points/redemption-actions';
import { RedeemDialog } from '@/shared/points/redeem-dialog';
import { RedemptionStatusBadge } from '@/shared/points/redemption-status';
import { useRewardPriceColumns } from '@/shared/points/reward-columns';
import {
  decimalValue,
  type AdminReward,
  type Redemption,
  type RedemptionWindow,
} from '@/shared/points/types';
import { VoucherBarcode } from '@/shared/points/voucher-barcode';
import { DataTable, type Column } from '@/shared/ui/data-table';
import { PagedTable } from '@/shared/ui/paged-table';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';
import { EmptyState, ErrorState } from '@/shared/ui/states';

import {
  useActiveRewards,
  useDeskRedemption,
  useMemberRedemptions,
  useRefreshAfterRedemption,
} from '../api/redemptions';

/** Rows per page of the member's vouchers, paged in the browser. */
const VOUCHERS_PAGE_SIZE = 10;

/**
 * Counts the member's redemptions of each reward that were not cancelled, as the per-member
 * limit does. Null when the window lacks some of the member's redemptions.
 */
function redeemedCounts(window: RedemptionWindow | undefined): Map<number, number> | null {
  if (!window || window.total > window.rows.length) return null;
  const counts = new Map<number, number>();
  for (const row of window.rows) {
    if (row.status !== 'cancelled') counts.set(row.reward_id, (counts.get(row.reward_id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Returns a function that words why the member cannot redeem a reward today, in the order the
 * server checks (validity, stock, limit per member, points), or returns null when nothing known
 * stops it. A figure still unknown (balance, counts) stops nothing, because the server decides.
 */
function useUnavailableReason(
  balance: number | null,
  counts: Map<number, number> | null,
): (reward: AdminReward) => string | null {
  const { t, format } = useI18n();
  // Days in YYYY-MM-DD form compare as text.
  const today = todayIsoDate();
  return (reward) => {
    if (reward.valid_from && today < reward.valid_from) {
      return t('desk.notYetValid', { date: format.date(reward.valid_from) });
    }
    if (reward.valid_to && today > reward.valid_to) {
      return t('desk.noLongerValid', { date: format.date(reward.valid_to) });
    }
    if (reward.stock !== null && reward.stock <= 0) return t('rewards.outOfStock');
    const redeemed = counts?.get(reward.id) ?? 0;
    if (counts && reward.per_member_limit !== null && redeemed >= reward.per_member_limit) {
      return t('desk.limitReached', { count: format.integer(redeemed) });
    }
    if (balance !== null && balance < reward.points_cost) {
      return t('desk.missingPoints', { points: format.integer(reward.points_cost - balance) });
    }
    return null;
  };
}

function DeskRedeemDialog({
  memberId,
  reward,
  onDone,
  onCancel,
}: {
  memberId: number;
  reward: AdminReward;
  onDone: (redemption: Redemption) => void;
  onCancel: () => void;
}) {
  const redeem = useDeskRedemption(memberId);
  return (
    <RedeemDialog
      reward={reward}
      audience="desk"
      busy={redeem.isPending}
      error={redeem.error}
      onConfirm={() => redeem.mutate(reward.id, { onSuccess: onDone })}
      onCancel={onCancel}
    />
  );
}

/**
 * Renders the voucher just issued at the desk, with its barcode while it is still to collect.
 * `current` is the same redemption as the member's list last read it, which shows whether it
 * was collected or cancelled since.
 */
function IssuedVoucher({ issued, current }: { issued: Redemption; current: Redemption }) {
  const { t, format } = useI18n();
  const code = groupCardNumber(issued.voucher_code);
  const copay = decimalValue(issued.copay) ?? 0;
  return (
    <div className="voucher" data-issued-voucher={issued.voucher_code}>
      <header className="voucher__header">
        <p role="status">{t('desk.done', { name: issued.reward_name, code })}</p>
        <RedemptionStatusBadge status={current.status} />
      </header>
      {current.status === 'issued' && (
        <VoucherBarcode url={issued.barcode_url} code={issued.voucher_code} />
      )}
      <p className="voucher__code" aria-label={t('voucher.codeLabel')}>
        {code}
      </p>
      {copay > 0 && <p>{t('voucher.copay', { amount: format.money(copay) })}</p>}
    </div>
  );
}

/**
 * Redeems an active reward for the member at the service desk: the rewards with cost,
 * co-payment and stock, those the member cannot redeem turned off with the reason, a confirm
 * step, then the voucher with its barcode.
 */
export function DeskRedemption({
  memberId,
  balance,
}: {
  memberId: number;
  balance: number | null;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const rewards = useActiveRewards();
  const redemptions = useMemberRedemptions(memberId);
  const unavailableReason = useUnavailableReason(balance, redeemedCounts(redemptions.data));
  const priceColumns = useRewardPriceColumns<AdminReward>();
  const [choice, setChoice] = useState<AdminReward | null>(null);
  const [issued, setIssued] = useState<Redemption | null>(null);

  const columns: Column<AdminReward>[] = [
    { id: 'name', header: t('vouchers.reward'), rowHeader: true, cell: (row) => row.name },
    ...priceColumns,
    {
      id: 'for_member',
      header: t('desk.forMember'),
      cell: (row) => {
        const reason = unavailableReason(row);
        return (
          <span className={reason ? 'tone--bad' : 'tone--good'}>{reason ?? t('desk.enough')}</span>
        );
      },
    },
    {
      id: 'actions',
      header: t('cards.actions'),
      cell: (row) => (
        <button
          type="button"
          className="button button--small"
          disabled={unavailableReason(row) !== null}
          aria-label={t('desk.redeemNamed', { name: row.name })}
          onClick={() => {
            setIssued(null);
            setChoice(row);
          }}
        >
          {t('desk.redeem')}
        </button>
      ),
    },
  ];

  let body;
  if (rewards.isPending) {
    body = <TableSkeleton rows={3} columns={5} />;
  } else if (rewards.isError) {
    body = <ErrorState error={rewards.error} onRetry={() => void rewards.refetch()} />;
  } else if (rewards.data.length === 0) {
    body = <EmptyState title={t('desk.none')} />;
  } else {
    body = (
      <DataTable
        caption={t('desk.title')}
        columns={columns}
        rows={rewards.data}
        rowKey={(row) => String(row.id)}
      />
    );
  }

  return (
    <section className="member-edit" aria-labelledby={titleId}>
      <h3 className="panel__title" id={titleId}>
        {t('desk.title')}
      </h3>
      {issued && (
        <IssuedVoucher
          issued={issued}
          current={redemptions.data?.rows.find((row) => row.id === issued.id) ?? issued}
        />
      )}
      {body}
      {choice && (
        <DeskRedeemDialog
          memberId={memberId}
          reward={choice}
          onCancel={() => setChoice(null)}
          onDone={(redemption) => {
            setChoice(null);
            setIssued(redemption);
          }}
        />
      )}
    </section>
  );
}

/**
 * Renders the member's redemptions, newest first, with their status. An issued voucher can be
 * marked collected or cancelled after a confirmation.
 */
export function MemberRedemptions({ memberId }: { memberId: number }) {
  const { t, tp } = useI18n();
  const redemptions = useMemberRedemptions(memberId);
  const refresh = useRefreshAfterRedemption(memberId);
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<RedemptionAction | null>(null);
  const columns = useRedemptionColumns(setAction);
  const rows = redemptions.data?.rows ?? [];
  const total = redemptions.data?.total ?? 0;
  // The page stays in range when a refresh brings fewer rows.
  const pageCount = Math.max(1, Math.ceil(rows.length / VOUCHERS_PAGE_SIZE));
  const shownPage = Math.min(page, pageCount);

  return (
    <Panel
      title={t('memberVouchers.title')}
      subtitle={redemptions.data ? tp('vouchers.total', total) : undefined}
      className="panel--wide"
      state={{
        isLoading: redemptions.isPending,
        error: redemptions.error,
        isEmpty: redemptions.data?.total === 0,
      }}
      emptyText={t('memberVouchers.none')}
      skeleton={<TableSkeleton rows={3} columns={6} />}
      onRetry={() => void redemptions.refetch()}
    >
      {total > rows.length && (
        <p className="muted">{t('memberVouchers.truncated', { count: rows.length, total })}</p>
      )}
      <PagedTable
        caption={t('memberVouchers.title')}
        columns={columns}
        page={{
          items: rows.slice((shownPage - 1) * VOUCHERS_PAGE_SIZE, shownPage * VOUCHERS_PAGE_SIZE),
          page: shownPage,
          page_size: VOUCHERS_PAGE_SIZE,
          total: rows.length,
        }}
        rowKey={(row) => String(row.id)}
        onPageChange={setPage}
      />
      {action && (
        <CloseRedemptionDialog action={action} onClose={() => setAction(null)} onClosed={refresh} />
      )}
    </Panel>
  );
}
