import { useI18n } from '@/shared/i18n/i18n-context';
import { groupCardNumber } from '@/shared/lib/ean13';
import { ConfirmDialog } from '@/shared/ui/confirm-dialog';
import type { Column } from '@/shared/ui/data-table';

import { useCloseRedemption } from './api';
import { RedemptionStatusBadge, useRedemptionErrorText } from './redemption-status';
import type { Redemption } from './types';

/** An admin's closing of an issued voucher: marked collected at the desk, or cancelled. */
export interface RedemptionAction {
  kind: 'use' | 'cancel';
  redemption: Redemption;
}

/**
 * Asks before an admin marks a voucher collected or cancels it, then sends the request. A
 * refusal stays in the dialog, worded for the desk. `onClosed` gets the closed redemption.
 */
export function CloseRedemptionDialog({
  action,
  onClose,
  onClosed,
}: {
  action: RedemptionAction;
  onClose: () => void;
  onClosed?: (redemption: Redemption) => void;
}) {
  const { t, format } = useI18n();
  const close = useCloseRedemption();
  const errorText = useRedemptionErrorText('desk');
  const { redemption, kind } = action;
  const code = groupCardNumber(redemption.voucher_code);
  return (
    <ConfirmDialog
      title={t(`vouchers.${kind}.title`, { code })}
      confirmLabel={t(`vouchers.${kind}`)}
      busy={close.isPending}
      onCancel={onClose}
      onConfirm={() =>
        close.mutate(
          { id: redemption.id, action: kind },
          {
            onSuccess: (closed) => {
              onClosed?.(closed);
              onClose();
            },
          },
        )
      }
    >
      <p>
        {t(`vouchers.${kind}.body`, {
          name: redemption.reward_name,
          points: format.integer(redemption.points),
        })}
      </p>
      {close.isError && (
        <p className="form-error" role="alert">
          {errorText(close.error)}
        </p>
      )}
    </ConfirmDialog>
  );
}

/**
 * Returns the columns of an admins' redemption table: code, reward, `extra` columns, points,
 * status, channel, date, and the buttons that close an issued voucher.
 */
export function useRedemptionColumns(
  onAction: (action: RedemptionAction) => void,
  extra: Column<Redemption>[] = [],
): Column<Redemption>[] {
  const { t, format } = useI18n();
  return [
    {
      id: 'voucher_code',
      header: t('vouchers.code'),
      rowHeader: true,
      cell: (row) => <span className="card-number">{groupCardNumber(row.voucher_code)}</span>,
    },
    { id: 'reward', header: t('vouchers.reward'), cell: (row) => row.reward_name },
    ...extra,
    {
      id: 'points',
      header: t('ledger.points'),
      numeric: true,
      cell: (row) => format.integer(row.points),
    },
    {
      id: 'status',
      header: t('member.status'),
      cell: (row) => <RedemptionStatusBadge status={row.status} />,
    },
    {
      id: 'channel',
      header: t('vouchers.channel'),
      cell: (row) => t(row.channel === 'desk' ? 'vouchers.channel.desk' : 'vouchers.channel.app'),
    },
    {
      id: 'created_at',
      header: t('vouchers.createdAt'),
      cell: (row) => format.dateTime(row.created_at),
    },
    {
      id: 'actions',
      header: t('cards.actions'),
      cell: (row) =>
        row.status === 'issued' && (
          <span className="row-actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => onAction({ kind: 'use', redemption: row })}
            >
              {t('vouchers.use')}
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => onAction({ kind: 'cancel', redemption: row })}
            >
              {t('vouchers.cancel')}
            </button>
          </span>
        ),
    },
  ];
}
