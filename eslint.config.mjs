import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const pureCore = ['server/src/analysis/**/*.ts', 'server/src/l10n/**/*.ts', 'server/src/checks/**/*.ts', 'server/src/records/**/*.ts', 'server/src/library/**/*.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.e2e/**', 'test/e2e/artifacts/**', 'bench/results.json', 'bench/library-results.json', 'bench/library-alternatives.json', 'bench/.build/**', '*.vsix', 'server/src/records/generated/validators.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The end-to-end test hands callbacks to the browser page.
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The command's launcher is CommonJS, as npm's bin shims expect.
    files: ['bin/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The analysis core is pure: the host hands it text and records.
    files: pureCore,
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path'],
        patterns: ['vscode-languageserver/*', '../features/*', '../node/*', '../cli/*'],
      }],
    },
  },
);
