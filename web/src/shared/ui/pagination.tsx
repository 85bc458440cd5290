import { useI18n } from '@/shared/i18n/i18n-context';

/** Renders previous and next buttons around "Page 2 of 7"; pages count from 1. */
export function Pagination({
  page,
  pageCount,
  onPageChange,
}: {
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
}) {
  const { t, format } = useI18n();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onPageChange(page - 1)}
        disabled={page <= 1}
      >
        {t('common.previousPage')}
      </button>
      <span aria-live="polite">
        {t('common.pageOf', { page: format.integer(page), pages: format.integer(pageCount) })}
      </span>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onPageChange(page + 1)}
        disabled={page >= pageCount}
      >
        {t('common.nextPage')}
      </button>
    </nav>
  );
}
