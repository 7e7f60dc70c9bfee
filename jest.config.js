/**
 * Three tiers, one command (`npm test`):
 *  - unit:   *.spec.ts beside the code; pure logic, no database
 *  - medium: test/medium, services and repositories against real PostgreSQL
 *  - e2e:    test/e2e, the app over HTTP, SMTP and a real browser
 * The global setup starts the embedded PostgreSQL (unless DATABASE_URL is set)
 * and prepares a migrated template database; each test file clones it.
 */
/** Dependencies published as ES modules only (Node requires them natively; Jest's module system needs them transpiled). */
const esmOnly = ['content-disposition', 'openid-client', 'oauth4webapi', 'jose', 'oidc-provider'];

const shared = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    [`/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: { '^@samverka/(.*)$': '<rootDir>/libs/$1/src' },
  rootDir: __dirname,
  // Stryker's sandbox copies the tree under reports/: never a second set of modules or tests.
  modulePathIgnorePatterns: ['<rootDir>/reports/'],
};

module.exports = {
  // Two test files at once on this 2-core machine (Jest's default, cores − 1 = 1, runs everything in one
  // process, which grows to several GB and leaves a core idle); a worker that has grown past the limit is
  // replaced between files.
  maxWorkers: Number(process.env.JEST_MAX_WORKERS ?? 2),
  workerIdleMemoryLimit: '1536MB',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'] },
    { ...shared, displayName: 'medium', testMatch: ['<rootDir>/test/medium/**/*.test.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'] },
    { ...shared, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.faults.ts'] },
  ],
};
