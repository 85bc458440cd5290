import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { ApiError } from '@/shared/api/api-error';
import { I18nProvider } from '@/shared/i18n/i18n-provider';
import type { Language } from '@/shared/i18n/language';

import { Panel, type PanelState } from './panel';

function renderPanel(state: PanelState, onRetry?: () => void, language: Language = 'it') {
  const content: ReactNode = <p>12.345,67 €</p>;
  return render(
    <I18nProvider initialLanguage={language}>
      <Panel
        title="Reparti"
        state={state}
        skeleton={<div data-testid="skeleton" />}
        emptyText="Nessun reparto"
        onRetry={onRetry}
      >
        {content}
      </Panel>
    </I18nProvider>,
  );
}

describe('Panel', () => {
  it('shows a skeleton and no figure while loading', () => {
    renderPanel({ isLoading: true, error: null });
    expect(screen.getByTestId('skeleton')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Reparti' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Caricamento…')).toBeInTheDocument();
    expect(screen.queryByText('12.345,67 €')).not.toBeInTheDocument();
  });

  it('shows the server message and retries', async () => {
    const retry = vi.fn();
    const error = new ApiError({
      status: 400,
      code: 'invalid_parameter',
      message: 'unknown department "Pesce"',
      parameter: 'department',
      requestId: 'abc-1',
    });
    renderPanel({ isLoading: false, error }, retry);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('unknown department "Pesce"');
    expect(alert).toHaveTextContent('ID richiesta: abc-1');
    expect(screen.queryByText('12.345,67 €')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Riprova' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('explains a network failure in the chosen language', () => {
    const error = new ApiError({ status: 0, code: 'network_error', message: 'Failed to fetch' });
    renderPanel({ isLoading: false, error }, undefined, 'en');
    expect(screen.getByRole('alert')).toHaveTextContent('The server does not respond');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('shows the empty text instead of the content', () => {
    renderPanel({ isLoading: false, error: null, isEmpty: true });
    expect(screen.getByRole('status')).toHaveTextContent('Nessun reparto');
    expect(screen.queryByText('12.345,67 €')).not.toBeInTheDocument();
  });

  it('shows the content once loaded', () => {
    renderPanel({ isLoading: false, error: null, isEmpty: false });
    expect(screen.getByText('12.345,67 €')).toBeInTheDocument();
    expect(screen.queryByTestId('skeleton')).not.toBeInTheDocument();
  });
});
