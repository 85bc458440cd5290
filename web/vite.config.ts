import { fileURLToPath, URL } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const reactRouterModule = (file: string) =>
  fileURLToPath(new URL(`./node_modules/react-router/dist/development/${file}`, import.meta.url));

// The dev server forwards the API to a running `imagross serve`; set IMAGROSS_API to change it.
const apiTarget = process.env.IMAGROSS_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/health': apiTarget,
    },
  },
  build: {
    // The lazily loaded chart chunk is ECharts' core with two chart types, about 535 kB before
    // gzip. The limit sits just above it, so the warning still catches accidental growth.
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Node 20 resolves react-router's package exports to its CommonJS build for some entries and
    // to the ES module for others, which then hold separate router contexts. Both entries are
    // pointed at the ES modules and bundled by Vite, so that the app and the tests share one.
    alias: [
      { find: /^react-router$/, replacement: reactRouterModule('index.mjs') },
      { find: /^react-router\/dom$/, replacement: reactRouterModule('dom-export.mjs') },
    ],
    server: { deps: { inline: [/react-router/] } },
  },
});
