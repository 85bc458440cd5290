import { useParams } from 'react-router';

import { MemberDetailView } from '@/features/members/components/member-detail';
import { MembersList } from '@/features/members/components/members-list';
import { useI18n } from '@/shared/i18n/i18n-context';
import { useDocumentTitle } from '@/shared/lib/use-document-title';

import { NotFoundRoute } from './not-found';

export function MembersRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('members.title'), t('app.name'));
  return <MembersList />;
}

export function MemberRoute() {
  const { memberId } = useParams();
  const id = Number(memberId);
  if (!Number.isSafeInteger(id) || id <= 0) return <NotFoundRoute />;
  return <MemberDetailView id={id} />;
}
