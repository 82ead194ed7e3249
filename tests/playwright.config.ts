import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  timeout: 30_000,
  retries: process.env.CI ? 1 : 0,
  workers: 1, // one Chromium at a time: 2 cores
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
