import { isApiError } from '@/shared/api/api-error';
import { useI18n } from '@/shared/i18n/i18n-context';
import type { MessageKey } from '@/shared/i18n/translate';
import { useErrorMessage } from '@/shared/ui/states';

import type { RedemptionStatus } from './types';

const STATUS_TONE: Record<RedemptionStatus, string> = {
  issued: 'badge--running',
  used: 'badge--completed',
  cancelled: 'badge--failed',
};

export function RedemptionStatusBadge({ status }: { status: RedemptionStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${STATUS_TONE[status] ?? ''}`} data-redemption-status={status}>
      {t(`redemptionStatus.${status}`)}
    </span>
  );
}

/** The reader of a redemption's refusal: the customer, or an admin at the service desk. */
export type RedemptionAudience = 'customer' | 'desk';

// The refusals of a redemption or its closing that the app words itself. Any other error shows
// the server's own message.
const REDEMPTION_ERRORS: Record<string, MessageKey> = {
  insufficient_points: 'redeem.error.insufficient_points',
  out_of_stock: 'redeem.error.out_of_stock',
  member_limit_reached: 'redeem.error.member_limit_reached',
  reward_inactive: 'redeem.error.reward_inactive',
  reward_not_valid_today: 'redeem.error.reward_not_valid_today',
  claim_window_closed: 'redeem.error.claim_window_closed',
  reward_not_found: 'redeem.error.reward_not_found',
  redemption_not_issued: 'redeem.error.redemption_not_issued',
};

// The refusals that speak of the member, which the desk reads in the third person.
const DESK_ERRORS: Record<string, MessageKey> = {
  insufficient_points: 'redeem.deskError.insufficient_points',
  member_limit_reached: 'redeem.deskError.member_limit_reached',
};

/**
 * Returns a function that words why a redemption, or its cancel or use, failed, for `audience`.
 * The customer's rewards and vouchers pages and the admins' desk share the wording.
 */
export function useRedemptionErrorText(
  audience: RedemptionAudience = 'customer',
): (error: unknown) => string {
  const { t } = useI18n();
  const messageOf = useErrorMessage();
  return (error) => {
    if (!isApiError(error)) return messageOf(error);
    const key =
      (audience === 'desk' ? DESK_ERRORS[error.code] : undefined) ?? REDEMPTION_ERRORS[error.code];
    return key ? t(key) : messageOf(error);
  };
}
