import { useState } from 'react';

import { pageCount } from '@/shared/api/page';
import { useI18n } from '@/shared/i18n/i18n-context';
import { groupCardNumber } from '@/shared/lib/ean13';
import { RedemptionStatusBadge, useRedemptionErrorText } from '@/shared/points/redemption-status';
import { decimalValue, type Redemption } from '@/shared/points/types';
import { VoucherBarcode } from '@/shared/points/voucher-barcode';
import { ConfirmDialog } from '@/shared/ui/confirm-dialog';
import { Pagination } from '@/shared/ui/pagination';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';

import { useCancelMyRedemption, useMyRedemptions } from '../api/rewards';

function CancelDialog({ redemption, onClose }: { redemption: Redemption; onClose: () => void }) {
  const { t, format } = useI18n();
  const cancel = useCancelMyRedemption();
  const errorText = useRedemptionErrorText();
  return (
    <ConfirmDialog
      title={t('voucher.cancel.title', { name: redemption.reward_name })}
      confirmLabel={t('voucher.cancel')}
      busy={cancel.isPending}
      onCancel={onClose}
      onConfirm={() => cancel.mutate(redemption.id, { onSuccess: onClose })}
    >
      <p>{t('voucher.cancel.body', { points: format.integer(redemption.points) })}</p>
      {cancel.isError && (
        <p className="form-error" role="alert">
          {errorText(cancel.error)}
        </p>
      )}
    </ConfirmDialog>
  );
}

function Voucher({ redemption, onCancel }: { redemption: Redemption; onCancel: () => void }) {
  const { t, format } = useI18n();
  const issued = redemption.status === 'issued';
  const copay = decimalValue(redemption.copay) ?? 0;
  return (
    <article
      className={`voucher ${issued ? '' : 'voucher--closed'}`}
      aria-label={redemption.reward_name}
      data-voucher={redemption.voucher_code}
    >
      <header className="voucher__header">
        <h3 className="voucher__name">{redemption.reward_name}</h3>
        <RedemptionStatusBadge status={redemption.status} />
      </header>
      {issued && <VoucherBarcode url={redemption.barcode_url} code={redemption.voucher_code} />}
      <p className="voucher__code" aria-label={t('voucher.codeLabel')}>
        {groupCardNumber(redemption.voucher_code)}
      </p>
      <p className="muted">
        {t('voucher.summary', {
          points: format.integer(redemption.points),
          date: format.dateTime(redemption.created_at),
        })}
        {copay > 0 && ` · ${t('voucher.copay', { amount: format.money(copay) })}`}
        {redemption.closed_at &&
          ` · ${t(`voucher.closed.${redemption.status}`, { date: format.dateTime(redemption.closed_at) })}`}
      </p>
      {issued && (
        <>
          <p className="muted">{t('voucher.advice')}</p>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={onCancel}
            aria-label={t('voucher.cancelNamed', { name: redemption.reward_name })}
          >
            {t('voucher.cancel')}
          </button>
        </>
      )}
    </article>
  );
}

/** Renders the customer's redemptions with their vouchers, newest first, and cancels one. */
export function MyVouchers() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const redemptions = useMyRedemptions(page);
  const [cancelling, setCancelling] = useState<Redemption | null>(null);
  return (
    <Panel
      title={t('voucher.title')}
      state={{
        isLoading: redemptions.isPending,
        error: redemptions.error,
        isEmpty: redemptions.data?.total === 0,
      }}
      emptyText={t('voucher.none')}
      skeleton={<TableSkeleton rows={3} columns={2} />}
      onRetry={() => void redemptions.refetch()}
    >
      {redemptions.data && (
        <>
          <div
            className={
              redemptions.isPlaceholderData ? 'voucher-list table-scroll--busy' : 'voucher-list'
            }
          >
            {redemptions.data.items.map((redemption) => (
              <Voucher
                key={redemption.id}
                redemption={redemption}
                onCancel={() => setCancelling(redemption)}
              />
            ))}
          </div>
          <Pagination page={page} pageCount={pageCount(redemptions.data)} onPageChange={setPage} />
        </>
      )}
      {cancelling && <CancelDialog redemption={cancelling} onClose={() => setCancelling(null)} />}
    </Panel>
  );
}
