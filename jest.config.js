/** @type {import('jest').Config} */
const transform = { '^.+\\.ts$': 'ts-jest' }

module.exports = {
  // A whole test database is made per file; on a loaded two-core machine that can take a while.
  testTimeout: 60000,
  projects: [
    { displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'], transform, testEnvironment: 'node' },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
    },
    {
      // The attack suite (npm run test:security): not part of npm test. It takes in the integration tests
      // that already prove a security promise (CSRF, headers, sessions, tokens) rather than repeat them,
      // and the access snapshot, which lives in the unit project so npm test catches a change at once.
      displayName: 'security',
      testMatch: [
        '<rootDir>/test/security/**/*.test.ts',
        '<rootDir>/test/integration/{,account/}{csrf,security-headers,auth,api-tokens,sign-in-throttle,account-security,sessions}.test.ts',
        '<rootDir>/test/unit/access-snapshot.test.ts',
      ],
      transform,
      testEnvironment: 'node',
    },
    {
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
    },
    // npm run test:resilience: real app processes over a throwaway PostgreSQL database, one file at a time.
    {
      displayName: 'resilience',
      testMatch: ['<rootDir>/test/resilience/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
    },
  ],
}
