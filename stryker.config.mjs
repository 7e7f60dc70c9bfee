// Mutation testing of the pure code (`npm run test:mutation`), never part of `npm test`.
// One lib at a time keeps it affordable (2 shared cores), e.g.
//   npm run test:mutation -- --concurrency 1 --incremental --incrementalFile reports/mutation/kernel.incremental.json \
//     --mutate 'libs/kernel/src/domain-error.ts,libs/kernel/src/clock.ts,libs/kernel/src/local-date.ts,libs/kernel/src/working-days.ts,libs/kernel/src/shutdown.ts'
// Reports (HTML, JSON, the incremental baseline) and the sandbox go to reports/ (gitignored).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'stryker.jest.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'libs/workflow/src/**/*.ts',
    'libs/kernel/src/**/*.ts',
    // The notification renderer, its calendar and kinds, and the mailers: not entities, modules or database code.
    'libs/notifications/src/notification-renderer.ts',
    'libs/notifications/src/notification-kinds.ts',
    'libs/notifications/src/calendar.ts',
    'libs/notifications/src/mail/*.ts',
    '!**/*.spec.ts',
    '!**/index.ts',
    '!libs/workflow/src/fixtures/**',
    '!libs/kernel/src/kernel.module.ts',
  ],
  ignorePatterns: ['dist', 'var', 'coverage', 'reports', 'test-results', 'bench', 'docker'],
  checkers: [],
  concurrency: 1,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: 'reports/.stryker-tmp',
  thresholds: { high: 90, low: 85, break: null },
};
