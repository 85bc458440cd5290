import { useQuery } from '@tanstack/react-query';

import { apiBlob } from '@/shared/api/client';
import { apiPathOf } from '@/shared/api/http';
import { useI18n } from '@/shared/i18n/i18n-context';
import { groupCardNumber } from '@/shared/lib/ean13';
import { useObjectUrl } from '@/shared/lib/use-object-url';
import { Skeleton } from '@/shared/ui/skeleton';
import { ErrorState } from '@/shared/ui/states';

/**
 * Renders the EAN-13 barcode of a voucher. The image needs the access token, which an <img src>
 * cannot send, so it is fetched as a blob and shown through an object URL; a voucher's code
 * never changes, so the image is fetched once per visit.
 */
export function VoucherBarcode({ url, code }: { url: string; code: string }) {
  const { t } = useI18n();
  const image = useQuery({
    queryKey: ['voucher-barcode', url],
    queryFn: ({ signal }) => apiBlob(apiPathOf(url), signal),
    staleTime: Infinity,
  });
  const objectUrl = useObjectUrl(image.data);
  if (image.isError) return <ErrorState error={image.error} onRetry={() => void image.refetch()} />;
  if (!objectUrl) return <Skeleton height="5rem" />;
  return (
    <img
      className="voucher__barcode"
      src={objectUrl}
      alt={t('voucher.barcodeAlt', { code: groupCardNumber(code) })}
      data-voucher-image={code}
    />
  );
}
