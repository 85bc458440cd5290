import { useI18n } from '@/shared/i18n/i18n-context';

import { ErrorState } from './states';

/**
 * Renders an edit form's Save and Cancel buttons, with the error of a failed save above them.
 * Save is disabled while the save request runs.
 */
export function SaveCancelActions({
  saving,
  error,
  onCancel,
}: {
  saving: boolean;
  /** The save error that no field of the form shows; null when there is none. */
  error: unknown;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {error !== null && <ErrorState error={error} title={t('profile.saveFailed')} />}
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {t('profile.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
