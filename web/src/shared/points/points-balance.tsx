import type { ReactNode } from 'react';

import type { BoundFormat } from '@/shared/format/bound-format';
import { useI18n } from '@/shared/i18n/i18n-context';
import { Skeleton } from '@/shared/ui/skeleton';

import { decimalValue, type PointsTier, type PointsView } from './types';

function Figure({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  return (
    <div className="summary-grid__item" data-points={name}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Formats a tier figure: points as a count, spend as euros; the message adds the unit. */
function tierFigure(tier: PointsTier, value: number | string, format: BoundFormat): string {
  const number = decimalValue(value);
  return tier.basis === 'spend' ? format.money(number) : format.integer(number);
}

/** Renders the member's tier and a bar of the progress towards the next level. */
export function TierProgress({ tier }: { tier: PointsTier }) {
  const { t, format } = useI18n();
  const qualifying = decimalValue(tier.qualifying_total) ?? 0;
  const threshold = tier.next ? (decimalValue(tier.next.threshold) ?? 0) : 0;
  const missing = tier.next ? (decimalValue(tier.next.missing) ?? 0) : 0;
  // A threshold already reached (the level comes at the next tier review) shows a full bar.
  const barMax = threshold > 0 ? threshold : 1;
  const barValue = missing > 0 ? Math.min(qualifying, threshold) : barMax;
  const multiplier = decimalValue(tier.multiplier);
  return (
    <div className="tier" data-points="tier">
      <p className="tier__name">
        <strong>{tier.name ?? t('points.tier.none')}</strong>
        {multiplier !== null && multiplier !== 1 && (
          <span className="badge badge--running">
            {t('points.tier.multiplier', { value: format.quantity(multiplier) })}
          </span>
        )}
        {tier.since && (
          <span className="muted">
            {' '}
            {t('points.tier.since', { date: format.date(tier.since) })}
          </span>
        )}
      </p>
      <p className="muted">
        {t(`points.tier.basis.${tier.basis}`, {
          total: tierFigure(tier, tier.qualifying_total, format),
          days: format.integer(tier.window_days),
        })}
      </p>
      {tier.next ? (
        <>
          <progress
            className="tier__bar"
            max={barMax}
            value={barValue}
            aria-label={t('points.tier.progress', { name: tier.next.name })}
          />
          <p data-points="tier-next">
            {missing > 0
              ? t(`points.tier.missing.${tier.basis}`, {
                  missing: tierFigure(tier, tier.next.missing, format),
                  name: tier.next.name,
                })
              : t('points.tier.reached', { name: tier.next.name })}
          </p>
        </>
      ) : (
        tier.name && <p data-points="tier-next">{t('points.tier.top')}</p>
      )}
    </div>
  );
}

/**
 * Renders a member's balance, its value in euros, the points expiring soon, the tier with its
 * progress and the collection season. A negative balance shows as points owed, never as zero.
 */
export function PointsBalance({ view }: { view: PointsView }) {
  const { t, format } = useI18n();
  const owing = view.balance < 0;
  const soon = view.expiring_soon;
  return (
    <div className="points-balance">
      <dl className="summary-grid">
        {owing ? (
          <Figure name="owed" label={t('points.owed')}>
            <span className="tone--bad">{format.integer(-view.balance)}</span>
          </Figure>
        ) : (
          <Figure name="balance" label={t('points.balance')}>
            {format.integer(view.balance)}
          </Figure>
        )}
        <Figure name="value" label={t('points.value')}>
          {format.money(decimalValue(view.value))}
        </Figure>
        <Figure name="expiring-soon" label={t('points.expiringSoon')}>
          {soon.points > 0 && soon.expires_on ? (
            <>
              {format.integer(soon.points)}
              <span className="summary-grid__small">
                {' '}
                {t('points.expiringOn', { date: format.date(soon.expires_on) })}
              </span>
            </>
          ) : (
            <span className="summary-grid__small">{t('points.expiringNone')}</span>
          )}
        </Figure>
        <Figure name="earned" label={t('points.earned')}>
          {format.integer(view.earned)}
        </Figure>
        <Figure name="spent" label={t('points.spent')}>
          {format.integer(view.spent)}
        </Figure>
      </dl>
      {owing && (
        <p className="notice" data-points="owed-notice">
          {t('points.owedNotice', { points: format.integer(view.owed) })}
        </p>
      )}
      <TierProgress tier={view.tier} />
      {view.season && (
        <p className="muted" data-points="season">
          {t('points.season', {
            name: view.season.name,
            start: format.date(view.season.start),
            end: format.date(view.season.end),
            expires: format.date(view.season.expires),
            claimUntil: format.date(view.season.claim_until),
          })}
        </p>
      )}
    </div>
  );
}

/** Renders the placeholder of PointsBalance while the figures load: blocks, never zeros. */
export function PointsBalanceSkeleton() {
  return (
    <div className="summary-grid" aria-hidden="true">
      {Array.from({ length: 5 }, (_, index) => (
        <div className="summary-grid__item" key={index}>
          <Skeleton width="50%" />
          <Skeleton width="70%" height="1.6rem" />
        </div>
      ))}
    </div>
  );
}
