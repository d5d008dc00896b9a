import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The layering, enforced here (docs/decisions/001-architecture.md). Each group of files gets the
// full list of imports it may not make: a later block's `no-restricted-imports` replaces an
// earlier one's for the files it matches, it does not add to it.

/** A folder of the repository as imports name it: through the `@/` alias or a relative path. */
const anywhere = (folder) => [`@/${folder}`, `@/${folder}/**`, `**/${folder}/**`];

// SECURITY: one road to the database. Only lib/data (and prisma/, tests/, scripts/) may import
// the database client or the generated Prisma code, so no page or handler can query around the
// scoped, audited data-access layer.
const database = {
  group: [
    ...anywhere('lib/db'),
    '**/lib/db',
    ...anywhere('prisma/generated'),
    '@prisma/client',
    '@prisma/client/*',
  ],
  message: 'Only lib/data may touch the database: call a lib/data function instead.',
};

// Shipped code runs without the tests: the demo seed and the app write through lib/data, not
// through tests/factories.ts or tests/support.
const tests = {
  group: anywhere('tests'),
  message: 'Shipped code imports nothing from tests/: move what both need into lib/.',
};

// The data layer knows nothing of HTTP or pages: handlers call it, never the other way round.
const httpAndPages = {
  group: [...anywhere('lib/api'), '../api', '../api/**', ...anywhere('app')],
  message: 'lib/data imports neither lib/api nor app: pass what it needs in as arguments.',
};

// Components render what pages give them: they may name lib/data's types, never call it.
const dataLayerRuntime = {
  group: anywhere('lib/data'),
  allowTypeImports: true,
  message: 'Components do not call lib/data: the page loads the data and passes it in.',
};

const typesOnly = (pattern) => ({ ...pattern, allowTypeImports: true });
const forbid = (...patterns) => ['error', { patterns }];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next-*/**',
    '.next/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    'prisma/generated/**',
    '.data/**',
    'test-results/**',
    'playwright-report/**',
  ]),
  {
    rules: {
      'no-restricted-imports': forbid(database, tests),
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['lib/data/**'],
    rules: { 'no-restricted-imports': forbid(tests, httpAndPages) },
  },
  {
    files: ['lib/db.ts', 'prisma/**', 'scripts/**'],
    rules: { 'no-restricted-imports': forbid(tests) },
  },
  {
    files: ['components/**'],
    rules: { 'no-restricted-imports': forbid(database, tests, dataLayerRuntime) },
  },
  {
    // The pure policy builds Prisma `where` objects: it may import their types, never the client.
    files: ['lib/auth/policy.ts'],
    rules: { 'no-restricted-imports': forbid(typesOnly(database), tests) },
  },
  {
    // Not shipped: the tests, the benchmarks, and the first-start kill harness (a test run by
    // `npm run test:first-start-kills`, built on tests/support/first-start.ts).
    files: ['tests/**', 'bench/**', 'scripts/first-start-kills.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Size limits: lines as the file has them (blank lines and comments count, as `wc -l` counts
    // them). A file under lib/ holds at most 350, a component 300, a function 80; tests and
    // generated code aside. Split by verb or responsibility, not into arbitrary chunks.
    files: ['lib/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 350, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'app/**/*.tsx'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: [
      'lib/**/*.{ts,tsx}',
      'app/**/*.{ts,tsx}',
      'components/**/*.{ts,tsx}',
      'prisma/**/*.ts',
      'scripts/**/*.ts',
      'proxy.ts',
    ],
    rules: {
      'max-lines-per-function': [
        'error',
        { max: 80, skipBlankLines: false, skipComments: false, IIFEs: true },
      ],
    },
  },
]);
