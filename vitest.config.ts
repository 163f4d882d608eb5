import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Four projects: `unit` (pure logic, fake browser, fake IndexedDB), `integration` (against a
// real anvil devnet started by the tests), `e2e` (real Chromium with the built extension) and
// `e2e-firefox` (Firefox ESR over WebDriver BiDi with the Firefox build).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['lib/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'e2e-firefox',
          include: ['test/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
