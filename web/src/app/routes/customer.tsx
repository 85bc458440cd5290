import { DigitalCardView } from '@/features/customer/components/digital-card';
import { MyPoints } from '@/features/customer/components/my-points';
import { MyPurchases } from '@/features/customer/components/my-purchases';
import { MyVouchers } from '@/features/customer/components/my-vouchers';
import { ProfilePage } from '@/features/customer/components/profile-page';
import { RewardsCatalog } from '@/features/customer/components/rewards-catalog';
import { useI18n } from '@/shared/i18n/i18n-context';
import type { MessageKey } from '@/shared/i18n/translate';
import { useDocumentTitle } from '@/shared/lib/use-document-title';

function CustomerPage({ title, children }: { title: MessageKey; children: React.ReactNode }) {
  const { t } = useI18n();
  useDocumentTitle(t(title), t('app.name'));
  return (
    <div className="page page--narrow">
      <header className="page__header">
        <h1 className="page__title">{t(title)}</h1>
      </header>
      {children}
    </div>
  );
}

export function CardRoute() {
  return (
    <CustomerPage title="nav.card">
      <DigitalCardView />
    </CustomerPage>
  );
}

export function PurchasesRoute() {
  return (
    <CustomerPage title="nav.purchases">
      <MyPurchases />
    </CustomerPage>
  );
}

export function ProfileRoute() {
  return (
    <CustomerPage title="nav.profile">
      <ProfilePage />
    </CustomerPage>
  );
}

export function MyPointsRoute() {
  return (
    <CustomerPage title="nav.points">
      <MyPoints />
    </CustomerPage>
  );
}

export function RewardsRoute() {
  return (
    <CustomerPage title="nav.rewards">
      <RewardsCatalog />
    </CustomerPage>
  );
}

export function VouchersRoute() {
  return (
    <CustomerPage title="nav.vouchers">
      <MyVouchers />
    </CustomerPage>
  );
}
