/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  moduleNameMapper: {
    '^office-addin-manifest$': require.resolve('office-addin-manifest/lib/officeApp.js'),
  },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/src/**/*.test.tsx', '<rootDir>/test/**/*.test.ts'],
  testTimeout: 60000,
  // browser tests have their own config (jest.e2e.config.js, needs Chromium and a build)
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
};
