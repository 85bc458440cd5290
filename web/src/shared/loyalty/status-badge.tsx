import { useI18n } from '@/shared/i18n/i18n-context';

import type { CardStatus, MemberStatus } from './types';

const CARD_TONE: Record<CardStatus, string> = {
  issued: 'badge--running',
  active: 'badge--completed',
  blocked: 'badge--failed',
  replaced: '',
};

const MEMBER_TONE: Record<MemberStatus, string> = {
  active: 'badge--completed',
  suspended: 'badge--running',
  closed: 'badge--failed',
};

export function CardStatusBadge({ status }: { status: CardStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${CARD_TONE[status] ?? ''}`} data-card-status={status}>
      {t(`cardStatus.${status}`)}
    </span>
  );
}

export function MemberStatusBadge({ status }: { status: MemberStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${MEMBER_TONE[status] ?? ''}`} data-member-status={status}>
      {t(`memberStatus.${status}`)}
    </span>
  );
}
