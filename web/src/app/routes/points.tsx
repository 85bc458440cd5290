import { PointsOverview } from '@/features/points/components/points-overview';
import { PointsSection } from '@/features/points/components/points-section';
import { RewardsAdmin } from '@/features/points/components/rewards-admin';
import { RuleSetsPage } from '@/features/points/components/rule-sets-page';
import { VouchersAdmin } from '@/features/points/components/vouchers-admin';

export function PointsOverviewRoute() {
  return (
    <PointsSection title="pointsAdmin.title">
      <PointsOverview />
    </PointsSection>
  );
}

export function PointsRulesRoute() {
  return (
    <PointsSection title="pointsAdmin.tab.rules">
      <RuleSetsPage />
    </PointsSection>
  );
}

export function PointsRewardsRoute() {
  return (
    <PointsSection title="pointsAdmin.tab.rewards">
      <RewardsAdmin />
    </PointsSection>
  );
}

export function PointsVouchersRoute() {
  return (
    <PointsSection title="pointsAdmin.tab.vouchers">
      <VouchersAdmin />
    </PointsSection>
  );
}
