/**
 * Jest for mutation testing: the unit project of jest.config.js without its global setup (so no
 * PostgreSQL), limited to the libraries' own specs, which must pin their behaviour by themselves.
 * The model-based spec of the plan round is left out: it generates every path through the machine
 * (seconds per run, and Stryker runs it once per mutant); the machine and guard specs must kill
 * what it would. Stryker copies the project into a sandbox; `rootDir` is taken from there.
 */
const { projects } = require('./jest.config');

const unit = projects.find((project) => project.displayName === 'unit');

module.exports = {
  ...unit,
  rootDir: __dirname,
  testMatch: ['<rootDir>/libs/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/plan-round\\.model\\.spec\\.ts$'],
  setupFiles: ['<rootDir>/stryker.jest.setup.js'],
};
