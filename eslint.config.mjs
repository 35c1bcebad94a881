// One-way layering (domain ← workbook ← adapters ← UI/CLI) is enforced here,
// so a wrong-direction import fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((f) => ({ group: [`**/${f}`, `**/${f}/**`], message })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'dist-node/**', 'coverage/**', 'node_modules/**', 'bin/**', '*.config.js', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // Node scripts (CommonJS): build helpers, test runner, benchmarks
    files: ['scripts/**/*.js', 'test/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', exports: 'writable', process: 'readonly', __dirname: 'readonly', __filename: 'readonly', Buffer: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  layer(['src/domain/**'], ['workbook', 'excel', 'xlsx', 'dokument', 'taskpane', 'commands', 'cli'], 'src/domain ist reine Logik: keine Importe aus Adaptern, UI oder CLI.'),
  {
    files: ['src/domain/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['exceljs', 'react', 'fs', 'node:fs', 'path', 'node:path'], patterns: [{ group: ['**/workbook', '**/workbook/**', '**/excel', '**/excel/**', '**/xlsx', '**/xlsx/**', '**/dokument', '**/dokument/**', '**/taskpane/**', '**/commands/**', '**/cli/**'], message: 'src/domain ist reine Logik: keine Importe aus Adaptern, UI oder CLI.' }] }] },
  },
  layer(['src/workbook/**'], ['excel', 'xlsx', 'dokument', 'taskpane', 'commands', 'cli'], 'src/workbook beschreibt nur das Layout: keine Adapter, UI oder CLI.'),
  layer(['src/excel/**'], ['xlsx', 'dokument', 'taskpane', 'commands', 'cli'], 'src/excel (Office.js) kennt weder Dateien noch UI.'),
  layer(['src/xlsx/**'], ['excel', 'dokument', 'taskpane', 'commands', 'cli'], 'src/xlsx (exceljs) kennt weder Office.js noch UI.'),
  // The Word adapter (npm docx) builds documents from domain and workbook only (rule below, with the Node APIs).
  layer(['src/cli/**'], ['excel', 'taskpane', 'commands'], 'src/cli nutzt nur domain, workbook, xlsx und dokument.'),
  layer(['src/taskpane/**'], ['cli', 'commands'], 'src/taskpane nutzt domain, workbook und excel.'),
  {
    // src/xlsx means exceljs, src/dokument npm docx (both large): the pane
    // reaches them only through a lazy import(), so they never land in the
    // first bundle. Type imports cost nothing.
    files: ['src/taskpane/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: ['xlsx', 'dokument'].map((f) => ({
            group: [`**/${f}`, `**/${f}/**`],
            allowTypeImports: true,
            message: `src/taskpane lädt src/${f} nur per import() (dynamisch); statisch ist nur „import type“ erlaubt.`,
          })),
        },
      ],
    },
  },
  {
    // The Word renderer also runs in the task pane (loaded by import()): no Node APIs.
    files: ['src/dokument/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path', 'os', 'node:os', 'child_process', 'node:child_process'].map((name) => ({
            name,
            message: 'src/dokument läuft auch im Aufgabenbereich (Browser): keine Node-APIs; Dateien schreibt src/cli.',
          })),
          patterns: ['excel', 'xlsx', 'taskpane', 'commands', 'cli'].map((f) => ({
            group: [`**/${f}`, `**/${f}/**`],
            message: 'src/dokument (Word) nutzt nur domain und workbook.',
          })),
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'src/dokument läuft auch im Aufgabenbereich (Browser): Uint8Array statt Buffer.' },
      ],
    },
  },
  {
    // src/xlsx also runs in the task pane (loaded by import()), so no Node
    // APIs anywhere in it; reading and saving files lives in src/cli.
    files: ['src/xlsx/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path', 'os', 'node:os'].map((name) => ({
            name,
            message: 'Dieses Modul läuft auch im Aufgabenbereich (Browser): keine Node-APIs; Dateizugriffe gehören nach src/cli (dateiLaden.ts, speichern.ts).',
          })),
          patterns: ['excel', 'dokument', 'taskpane', 'commands', 'cli'].map((f) => ({
            group: [`**/${f}`, `**/${f}/**`],
            message: 'src/xlsx (exceljs) kennt weder Office.js noch UI.',
          })),
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: 'Dieses Modul läuft auch im Aufgabenbereich (Browser): Uint8Array statt Buffer.' },
      ],
    },
  },
  layer(['src/commands/**'], ['xlsx', 'dokument', 'cli', 'taskpane'], 'src/commands nutzt domain, workbook und excel.'),
);
