import { useI18n } from '@/shared/i18n/i18n-context';
import { ConfirmDialog } from '@/shared/ui/confirm-dialog';

import { useRedemptionErrorText, type RedemptionAudience } from './redemption-status';
import { decimalValue, type Reward } from './types';

// Message keys by audience: the customer redeems for themselves, and at the desk an admin
// redeems for the member.
const MESSAGE_PREFIX = { customer: 'redeem', desk: 'desk' } as const;

/**
 * Asks before redeeming `reward`: the points that come off the balance, the co-payment if any,
 * and why the request failed, worded for `audience`. The caller sends the request.
 */
export function RedeemDialog({
  reward,
  audience,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  reward: Reward;
  audience: RedemptionAudience;
  busy: boolean;
  /** The error of the last request; null when there is none. */
  error: Error | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, format } = useI18n();
  const errorText = useRedemptionErrorText(audience);
  const prefix = MESSAGE_PREFIX[audience];
  const copay = decimalValue(reward.copay) ?? 0;
  return (
    <ConfirmDialog
      title={t(`${prefix}.confirm.title`, { name: reward.name })}
      confirmLabel={t(`${prefix}.confirm.action`)}
      busy={busy}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <p>{t(`${prefix}.confirm.points`, { points: format.integer(reward.points_cost) })}</p>
      {copay > 0 && <p>{t(`${prefix}.confirm.copay`, { amount: format.money(copay) })}</p>}
      {error !== null && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </ConfirmDialog>
  );
}
