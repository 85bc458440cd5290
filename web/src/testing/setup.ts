import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

import { sessionStore } from '@/shared/auth/session-store';

afterEach(() => {
  cleanup();
  sessionStore.end(null);
  window.localStorage.clear();
});
