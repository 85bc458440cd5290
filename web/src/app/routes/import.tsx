import { useParams } from 'react-router';

import { ImportDetail } from '@/features/imports/components/import-detail';

import { NotFoundRoute } from './not-found';

export function ImportRoute() {
  const { importId } = useParams();
  const id = Number(importId);
  if (!Number.isSafeInteger(id) || id <= 0) return <NotFoundRoute />;
  return <ImportDetail id={id} />;
}
