import { useId, type ReactNode } from 'react';

import { useI18n } from '@/shared/i18n/i18n-context';

import { EmptyState, ErrorState } from './states';

export interface PanelState {
  isLoading: boolean;
  error: unknown;
  isEmpty?: boolean;
}

interface PanelProps {
  title: string;
  subtitle?: string | undefined;
  actions?: ReactNode;
  state: PanelState;
  /** The placeholder shown while the content loads: never zeros. */
  skeleton: ReactNode;
  emptyText?: string | undefined;
  onRetry?: (() => void) | undefined;
  className?: string | undefined;
  children?: ReactNode;
}

/**
 * Renders a titled dashboard section with the same loading, error and empty states everywhere. The
 * children render only when data is there, so no panel shows a placeholder zero.
 */
export function Panel(props: PanelProps) {
  const { t } = useI18n();
  const titleId = useId();
  const { state } = props;
  let body: ReactNode;
  if (state.isLoading) {
    body = (
      <>
        <span className="visually-hidden">{t('common.loading')}</span>
        {props.skeleton}
      </>
    );
  } else if (state.error) {
    body = <ErrorState error={state.error} onRetry={props.onRetry} />;
  } else if (state.isEmpty) {
    body = <EmptyState title={props.emptyText ?? t('table.empty')} />;
  } else {
    body = props.children;
  }

  return (
    <section
      className={`panel ${props.className ?? ''}`}
      aria-labelledby={titleId}
      aria-busy={state.isLoading}
    >
      <header className="panel__header">
        <div>
          <h2 className="panel__title" id={titleId}>
            {props.title}
          </h2>
          {props.subtitle && <p className="panel__subtitle">{props.subtitle}</p>}
        </div>
        {props.actions && <div className="panel__actions">{props.actions}</div>}
      </header>
      <div className="panel__body">{body}</div>
    </section>
  );
}
