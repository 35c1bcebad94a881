/**
 * Browser end-to-end tests (issue 4/7): the built task pane (dist/) in headless
 * Chromium via playwright-core. Run with `npm run test:e2e` (builds dist/ first
 * if it is missing); `npm test` includes them when /usr/bin/chromium exists.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  testTimeout: 120000,
  // one browser at a time: the machine has 2 cores shared with other test runs
  maxWorkers: 1,
};
