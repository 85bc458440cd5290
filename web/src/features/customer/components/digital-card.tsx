import { useId } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';
import { groupCardNumber } from '@/shared/lib/ean13';
import { useObjectUrl } from '@/shared/lib/use-object-url';
import { useScreenWakeLock } from '@/shared/lib/use-wake-lock';
import { CardStatusBadge } from '@/shared/loyalty/status-badge';
import { Skeleton } from '@/shared/ui/skeleton';
import { ErrorState } from '@/shared/ui/states';

import { useCardImage, useMyCard, type DigitalCard } from '../api/card';

/** Renders one image of the card from its authorised URL, with a placeholder while it loads. */
function CardImage({
  url,
  alt,
  className,
  kind,
}: {
  url: string;
  alt: string;
  className: string;
  kind: 'barcode' | 'qr';
}) {
  const image = useCardImage(url);
  const objectUrl = useObjectUrl(image.data);
  if (image.isError) return <ErrorState error={image.error} onRetry={() => void image.refetch()} />;
  if (!objectUrl) return <Skeleton height={kind === 'qr' ? '10rem' : '8rem'} />;
  return <img className={className} src={objectUrl} alt={alt} data-card-image={kind} />;
}

function CardFace({ card }: { card: DigitalCard }) {
  const { t } = useI18n();
  const titleId = useId();
  const grouped = groupCardNumber(card.number);
  const usable = card.status === 'active';
  return (
    <section className="loyalty-card" aria-labelledby={titleId} data-card-number={card.number}>
      <header className="loyalty-card__header">
        <span className="topbar__logo" aria-hidden="true">
          IG
        </span>
        <h2 className="loyalty-card__title" id={titleId}>
          {t('card.title')}
        </h2>
        <CardStatusBadge status={card.status} />
      </header>
      {!usable && (
        <p className="form-error" role="alert">
          {t(card.status === 'blocked' ? 'card.blockedNotice' : 'card.inactiveNotice')}
        </p>
      )}
      {card.barcode && (
        <div className="loyalty-card__scan">
          <CardImage
            url={card.barcode.svg}
            kind="barcode"
            className="loyalty-card__barcode"
            alt={t('card.barcodeAlt', { number: grouped })}
          />
        </div>
      )}
      <p className="loyalty-card__number" aria-label={t('card.numberLabel', { number: grouped })}>
        {grouped}
      </p>
      <p className="loyalty-card__holder">{card.holder}</p>
      {card.qr && (
        <div className="loyalty-card__scan loyalty-card__scan--qr">
          <CardImage
            url={card.qr.svg}
            kind="qr"
            className="loyalty-card__qr"
            alt={t('card.qrAlt', { number: grouped })}
          />
        </div>
      )}
    </section>
  );
}

/**
 * Renders the customer's card as the till scans it: the EAN-13 barcode with its digits, the QR
 * code, the number in groups of four and the holder, in black on white. The screen stays on
 * while the card is shown.
 */
export function DigitalCardView() {
  const { t } = useI18n();
  const card = useMyCard();
  useScreenWakeLock(card.isSuccess);
  if (card.isPending) {
    return (
      <div className="loyalty-card" aria-busy="true">
        <span className="visually-hidden">{t('common.loading')}</span>
        <Skeleton height="16rem" />
      </div>
    );
  }
  if (card.isError) return <ErrorState error={card.error} onRetry={() => void card.refetch()} />;
  return (
    <>
      <CardFace card={card.data} />
      <p className="muted loyalty-card__advice">{t('card.scanAdvice')}</p>
    </>
  );
}
