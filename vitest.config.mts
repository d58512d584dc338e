import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/lsp/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/neovim/**/*.test.ts', 'test/eval/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
