import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const pureCore = ['server/src/analysis/**/*.ts', 'server/src/checks/**/*.ts', 'server/src/records/**/*.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.e2e/**', 'test/e2e/artifacts/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
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
