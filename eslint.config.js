// ESLint with type information (typescript-eslint) for the four packages, the e2e tests and the bench.
// Errors fail `npm test`; the size rules (300 lines a file, 40 a function) are warnings that show where to split.
import tseslint from 'typescript-eslint';
import vitest from '@vitest/eslint-plugin';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'packages/server/src/db/migrations/**',
      'data/**',
      '.tmp/**',
      'bench/out/**',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'all'],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (house rule).' },
      ],
    },
  },
  {
    // Tool configuration files are read by their tools through a default export.
    files: ['**/*.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Size: a file over 300 lines or a function over 40 is a place to split (warnings, not errors).
    files: ['packages/*/src/**/*.ts', 'packages/*/src/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/fixtures/**', '**/i18n/**'],
    rules: {
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': [
        'warn',
        { max: 40, skipBlankLines: true, skipComments: true, IIFEs: true },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    plugins: { vitest },
    rules: {
      'vitest/no-focused-tests': 'error',
      'vitest/no-disabled-tests': 'error',
      'vitest/no-identical-title': 'error',
    },
  },
  {
    // core: pure, runs in the browser — no IO, no clock, nothing of ours above it, no console.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', ...NODE_BUILTINS],
              message: 'core has no IO: pass data in from the server.',
            },
            { group: ['@jixiao/*'], message: 'core depends on nothing of ours.' },
            {
              group: ['react', 'react-dom', 'antd', 'hono', 'drizzle-orm', 'pg', '@electric-sql/*'],
              message: 'core is pure domain code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core has no process: pass configuration in.' },
      ],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    ignores: ['packages/server/src/**/*.test.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@jixiao/cli', '@jixiao/cli/*', '@jixiao/web', '@jixiao/web/*'],
              message: 'Nothing imports upward: the server knows neither the CLI nor the web.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/web/src/**/*.ts', 'packages/web/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@jixiao/server',
                '@jixiao/server/*',
                '@jixiao/cli',
                '@jixiao/cli/*',
                '**/server/src/**',
              ],
              message:
                'The web talks to the server over HTTP only (types come from docs/openapi.json).',
            },
            { group: ['node:*', ...NODE_BUILTINS], message: 'The web runs in the browser.' },
          ],
        },
      ],
    },
  },
);
