// ESLint 9 flat config. Syntax-level rules only (no type-aware linting), so
// `npm run lint` stays fast; `npm run typecheck` covers the type system.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
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

/*
 * Boundaries between apps and libs. A lib is used only through its alias and
 * index (`@samverka/<lib>`): never by a relative path into libs/, never by a
 * deep `@samverka/<lib>/...` path. A lib never imports an app, nor itself by
 * its alias (a cycle through its own index). The workflow lib is the pure
 * machine: no Nest, no TypeORM, no database.
 */
const LIBS = readdirSync(join(import.meta.dirname, 'libs'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const THROUGH_THE_INDEX = [
  {
    regex: '^@samverka/[^/]+/.',
    message: 'Import a lib through its index only: `@samverka/<lib>` (export what you need from its index.ts).',
  },
  {
    regex: '^\\.\\.?/(?:.*/)?libs(?:/|$)',
    message: 'Import a lib through `@samverka/<lib>`, not by a relative path into libs/.',
  },
];

/** Inside apps/ and libs/, a relative path that climbs into another lib's or app's `src` (or into apps/, libs/). */
const STAYS_INSIDE = {
  regex: '^\\.\\.?/(?:.*/)?(?:src|apps|libs)(?:/|$)',
  message: 'Stay inside this lib or app: another lib is `@samverka/<lib>`; a lib never imports an app, and an app never imports another app.',
};

const PURE_MACHINE = [
  { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg-boss'], message: 'libs/workflow is the pure machine: no Nest, no TypeORM, no database.' },
  { group: ['@samverka/*', '!@samverka/kernel'], message: 'libs/workflow is the pure machine: the other libs bring Nest and TypeORM.' },
];

const boundaries = (...patterns) => ['error', { patterns: [...THROUGH_THE_INDEX, ...patterns] }];

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
    // Test support and benchmarks may talk to a person at a terminal.
    // (Unit specs beside the code keep `no-console`: a console call there is usually left-over debugging.)
    files: ['test/**/*.ts', 'bench/**/*.ts'],
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
  {
    files: ['apps/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': boundaries(STAYS_INSIDE) },
  },
  ...LIBS.map((lib) => ({
    files: [`libs/${lib}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': boundaries(
        STAYS_INSIDE,
        { group: [`@samverka/${lib}`], message: `Inside libs/${lib}, import its own files relatively: its alias goes through its own index (a cycle).` },
        ...(lib === 'workflow' ? PURE_MACHINE : []),
      ),
    },
  })),
  {
    // Tests and benchmarks may import test support and an app's bootstrap relatively, but libs only through their index.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': boundaries() },
  },
);
