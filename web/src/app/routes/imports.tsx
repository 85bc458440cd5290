import { useEffect } from 'react';

import { ImportHistory } from '@/features/imports/components/import-history';
import { UploadForm } from '@/features/imports/components/upload-form';
import { useI18n } from '@/shared/i18n/i18n-context';

export function ImportsRoute() {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t('imports.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">{t('imports.title')}</h1>
      </header>
      <section className="panel" aria-labelledby="upload-title">
        <h2 className="panel__title" id="upload-title">
          {t('imports.upload.title')}
        </h2>
        <UploadForm />
      </section>
      <ImportHistory />
    </div>
  );
}
