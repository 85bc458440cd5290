import { Link } from 'react-router';

import { useI18n } from '@/shared/i18n/i18n-context';
import { EmptyState } from '@/shared/ui/states';

export function NotFoundRoute() {
  const { t } = useI18n();
  return (
    <div className="page">
      <h1 className="page__title">{t('notFound.title')}</h1>
      <EmptyState
        title={t('notFound.body')}
        action={
          <Link className="button" to="/">
            {t('notFound.back')}
          </Link>
        }
      />
    </div>
  );
}
