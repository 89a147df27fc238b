// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Pieces of the engine (DESIGN.md "Dependency rule"): they see core and the store ports, never the edge. */
const ENGINE = ['flows', 'contacts', 'routing', 'tasks', 'scheduler', 'access', 'instances'];
const EDGE_LIBS = ['fastify', 'fastify/*', '@fastify/*', 'better-sqlite3', 'pg', 'kysely', 'ws', 'commander'];

/** @param {string[]} groups @param {string} message */
const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'web/dist/**', '.test-output/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  importX.flatConfigs.typescript,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: forbid(['../*', ...EDGE_LIBS], 'core depends on nothing else in Tsunagi and does no I/O.'),
  },
  {
    files: ['src/store/ports/**/*.ts'],
    rules: forbid(
      [...ENGINE.map((p) => `../../${p}/*`), '../kysely/*', ...EDGE_LIBS],
      'store ports are types over core only.',
    ),
  },
  {
    files: ['src/store/kysely/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: forbid(
      [...ENGINE.map((p) => `../../${p}/*`), ...ENGINE.map((p) => `../../../${p}/*`), 'fastify'],
      'the store implementation imports only core and the ports.',
    ),
  },
  ...ENGINE.map((piece) => ({
    files: [`src/${piece}/**/*.ts`],
    ignores: ['src/**/*.test.ts'],
    rules: forbid(
      ['../store/kysely/*', '../api/*', '../channels/*', '../app/*', '../cli/*', ...EDGE_LIBS],
      `${piece} is engine code: no HTTP framework, database driver, query builder or edge piece (DESIGN.md).`,
    ),
  })),
  {
    files: ['src/setup/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: forbid(
      ['../store/kysely/*', '../api/*', '../app/*', '../cli/*', 'fastify'],
      'setup files are applied over the services and the ports; app and cli call them, not the reverse.',
    ),
  },
  {
    files: ['src/api/**/*.ts', 'src/channels/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: forbid(
      ['../store/kysely/*', '../app/*', '../cli/*'],
      'the edge is wired by app, not the reverse.',
    ),
  },
);
