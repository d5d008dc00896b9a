import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// SECURITY: one road to the database. Only lib/data (and prisma/, tests/, scripts/) may import
// the database client or the generated Prisma code, so no page or handler can query around the
// scoped, audited data-access layer (docs/decisions/001-architecture.md).
const databaseImports = {
  patterns: [
    {
      group: [
        '@/lib/db',
        '**/lib/db',
        '@/prisma/generated/*',
        '**/prisma/generated/*',
        '@prisma/client',
        '@prisma/client/*',
      ],
      message: 'Only lib/data may touch the database: call a lib/data function instead.',
    },
  ],
};

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
      'no-restricted-imports': ['error', databaseImports],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['lib/data/**', 'lib/db.ts', 'prisma/**', 'tests/**', 'scripts/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The pure policy builds Prisma `where` objects: it may import their types, never the client.
    files: ['lib/auth/policy.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...databaseImports,
          patterns: databaseImports.patterns.map((p) => ({ ...p, allowTypeImports: true })),
        },
      ],
    },
  },
]);
