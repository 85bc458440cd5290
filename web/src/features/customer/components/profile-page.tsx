import { useI18n } from '@/shared/i18n/i18n-context';
import { fullName } from '@/shared/loyalty/types';
import { Panel } from '@/shared/ui/panel';
import { TableSkeleton } from '@/shared/ui/skeleton';

import { useMe } from '../api/me';
import { ProfileForm } from './profile-form';

/** Renders the customer's details on file, and the form for contacts and consents. */
export function ProfilePage() {
  const { t, format } = useI18n();
  const me = useMe();
  const member = me.data;
  return (
    <Panel
      title={t('profile.details')}
      state={{ isLoading: me.isPending, error: me.error }}
      skeleton={<TableSkeleton rows={4} columns={2} />}
      onRetry={() => void me.refetch()}
    >
      {member && (
        <>
          <dl className="details-list">
            <div>
              <dt>{t('member.name')}</dt>
              <dd>{fullName(member)}</dd>
            </div>
            <div>
              <dt>{t('member.birthDate')}</dt>
              <dd>{format.date(member.birth_date)}</dd>
            </div>
            <div>
              <dt>{t('member.signupDate')}</dt>
              <dd>{format.date(member.signup_date)}</dd>
            </div>
            <div>
              <dt>{t('member.homeStore')}</dt>
              <dd>{member.home_store || format.notAvailable()}</dd>
            </div>
          </dl>
          {/* Keyed by the member so that a refetch after a save starts from the stored values. */}
          <ProfileForm key={member.id} member={member} />
        </>
      )}
    </Panel>
  );
}
