import { useEffect } from 'react';

import { DashboardView } from '@/features/dashboard/components/dashboard-view';
import { useI18n } from '@/shared/i18n/i18n-context';

export function DashboardRoute() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t('dashboard.title')} · ${t('app.name')}`;
  }, [t]);
  return <DashboardView />;
}
