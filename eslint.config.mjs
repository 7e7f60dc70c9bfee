// ESLint 9 flat config. Syntax-level rules only (no type-aware linting), so
// `npm run lint` stays fast; `npm run typecheck` covers the type system.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node's CommonJS globals, for the few plain .js files (jest.config.js). */
const nodeCommonJsGlobals = {
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
  __dirname: 'readonly',
  __filename: 'readonly',
  process: 'readonly',
  console: 'readonly',
};

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'var/', 'coverage/', 'test-results/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Unused values are mistakes; `_name` marks a deliberately unused one.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Nest's dependency injection: `constructor(private readonly x: X) {}`.
      'no-empty-function': 'off',
      '@typescript-eslint/no-empty-function': ['error', { allow: ['constructors', 'private-constructors', 'protected-constructors'] }],
      // `let handle; onShutdown(() => stop(handle)); ... handle = start();` is read (in a closure) before its
      // one assignment; as `const` moved below, a signal arriving in between would hit the TDZ and throw.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // The services log through pino (nestjs-pino) or write to stdout/stderr explicitly.
      'no-console': 'error',
    },
  },
  {
    // Test support, benchmarks and scripts may talk to a person at a terminal.
    // (Unit specs beside the code keep `no-console`: a console call there is usually left-over debugging.)
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-console': 'off',
    },
  },
  {
    // Tests may poke at untyped values (HTTP bodies, error details).
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: nodeCommonJsGlobals },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
