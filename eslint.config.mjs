import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Workflow code is replayed and must be deterministic: no Node builtins, no I/O, no wall clock or randomness
// (use workflow APIs: sleep, condition, uuid4, Date inside workflows is the workflow clock).
const NODE_BUILTINS = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'http',
  'https',
  'net',
  'dns',
  'child_process',
  'crypto',
  'util',
  'stream',
  'worker_threads',
  'cluster',
  'zlib',
  'url',
  'events',
  'timers',
  'process',
  'readline',
  'tls',
  'dgram',
  'vm',
];
const WORKFLOW_RESTRICTED_IMPORTS = [
  ...NODE_BUILTINS.flatMap((name) => [name, `node:${name}`]),
  '@prisma/client',
  'nodemailer',
  'pino',
  'express',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
];

/** Deterministic code may not do I/O; workflow code may not load a schema library either (see restrictedImports). */
function restrictedImports(forWorkflows) {
  return {
    paths: [
      ...WORKFLOW_RESTRICTED_IMPORTS.map((name) => ({
        name,
        message:
          'Workflow and domain code must stay deterministic and free of I/O: move this into an activity.',
      })),
      ...(forWorkflows
        ? [
            {
              name: 'zod',
              message:
                'Every cached workflow evaluates its own copy of what it imports (zod: ~1.8 MB per stream): validate at the edge, use plain types and domain/engine/input-spec inside.',
            },
          ]
        : []),
    ],
    patterns: [
      {
        group: ['**/activities', '**/activities/**', '**/runtime/**', '**/api/**'],
        allowTypeImports: true,
        message: 'Workflows import activities as types only.',
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'generated/**', '.data/**', 'coverage/**', 'test-artifacts/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'workflows/**/*.ts',
      'domain/**/*.ts',
      'tests/integration/fixtures/**/*.ts',
      'scripts/bench/minimal/minimal-workflow.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', restrictedImports(false)],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'No process access in deterministic code.' },
        { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use a loop with sleep() from @temporalio/workflow.' },
        { name: 'require', message: 'No dynamic requires in deterministic code.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass time in (domain) or use the workflow clock.' },
        {
          object: 'Math',
          property: 'random',
          message: 'Use uuid4() from @temporalio/workflow, or pass values in.',
        },
      ],
    },
  },
  {
    // Later blocks win for the same rule: workflows get the domain's restrictions plus the schema library.
    files: ['workflows/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', restrictedImports(true)] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
);
