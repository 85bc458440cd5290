import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports flow one way, app -> features -> shared, and features never import each other, so a
// feature can change or go without touching the rest.
const layerRules = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: layerRules([
      {
        group: ['@/app/*', '@/features/*'],
        message: 'shared code must not import app or features',
      },
    ]),
  },
  {
    files: ['src/features/dashboard/**/*.{ts,tsx}'],
    rules: layerRules([
      { group: ['@/app/*'], message: 'features must not import app' },
      { group: ['@/features/imports/*'], message: 'features must not import each other' },
    ]),
  },
  {
    files: ['src/features/imports/**/*.{ts,tsx}'],
    rules: layerRules([
      { group: ['@/app/*'], message: 'features must not import app' },
      { group: ['@/features/dashboard/*'], message: 'features must not import each other' },
    ]),
  },
  {
    files: ['src/features/points/**/*.{ts,tsx}'],
    rules: layerRules([
      { group: ['@/app/*'], message: 'features must not import app' },
      {
        group: [
          '@/features/auth/*',
          '@/features/customer/*',
          '@/features/dashboard/*',
          '@/features/imports/*',
          '@/features/members/*',
        ],
        message: 'features must not import each other',
      },
    ]),
  },
  {
    files: ['e2e/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
);
