import { useQuery } from '@tanstack/react-query';

import { apiBlob, apiGet } from '@/shared/api/client';
import { apiPathOf } from '@/shared/api/http';
import type { CardStatus } from '@/shared/loyalty/types';

/** The URLs of one image of the card, in SVG and PNG. */
export interface CardImageLinks {
  svg: string;
  png: string;
}

/**
 * The customer's card and where its images are, as GET /me/card returns them. A card that is not
 * active has no images, so its links are null.
 */
export interface DigitalCard {
  number: string;
  status: CardStatus;
  holder: string;
  issued_at: string | null;
  barcode: CardImageLinks | null;
  qr: CardImageLinks | null;
}

export function getMyCard(signal?: AbortSignal): Promise<DigitalCard> {
  return apiGet<DigitalCard>('/me/card', undefined, signal);
}

// Once loaded, the card and its images stay in memory for the whole visit and are never
// fetched again on their own, so the card still shows when the phone loses its connection at
// the till.
const KEEP = { staleTime: Infinity, gcTime: Infinity } as const;

export function useMyCard() {
  return useQuery({
    queryKey: ['me', 'card'],
    queryFn: ({ signal }) => getMyCard(signal),
    ...KEEP,
  });
}

/**
 * Fetches one image of the card. The images need the access token, which an <img src> cannot
 * send, so they are fetched as blobs and shown through object URLs.
 */
export function useCardImage(url: string | undefined) {
  return useQuery({
    queryKey: ['me', 'card-image', url],
    queryFn: ({ signal }) => apiBlob(apiPathOf(url!), signal),
    enabled: url !== undefined,
    ...KEEP,
  });
}
