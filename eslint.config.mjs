import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const SHARED_FORBIDDEN = ['node:*', 'fs', 'path', 'os', 'electron', 'better-sqlite3', 'exceljs', 'react', 'react-dom'];

/** One no-restricted-imports block per layer of shared/, each refusing the layers above it. */
function sharedLayers(layers) {
  return layers.map(({ files, above }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: SHARED_FORBIDDEN,
              message: 'shared/ is pure TypeScript for both sides (no Node, DOM libraries, SQLite, Excel or React).',
            },
            { regex: '^@shared|(^|/)(main|renderer)(/|$)', message: 'shared/ imports only shared/, with relative paths.' },
            ...(above.length
              ? [
                  {
                    regex: `^(\\.\\./)+(${above.join('|')})(/|$)`,
                    message: `A lower layer of shared/ never imports a higher one (${above.join(', ')}).`,
                  },
                ]
              : []),
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'test-results', '.native', 'main/cli/gradebook.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // shared/ is used by both sides: no Node, Electron, SQLite, Excel or React, nothing of main/ or
  // renderer/, and relative imports only. Inside it the layers point one way (a lower layer never
  // imports a higher one): model, text, time, util ← grading, draw, charts ← api ← grid, screens.
  ...sharedLayers([
    { files: ['shared/*.ts', 'shared/{model,text,time,util}/**/*.ts'], above: ['grading', 'draw', 'charts', 'api', 'grid', 'screens'] },
    { files: ['shared/{grading,draw,charts}/**/*.ts'], above: ['api', 'grid', 'screens'] },
    { files: ['shared/api/**/*.ts'], above: ['grid', 'screens'] },
    { files: ['shared/{grid,screens}/**/*.ts'], above: [] },
  ]),
  {
    // Only main/electron may import electron; the renderer reaches the backend through the API client.
    files: ['main/backend/**/*.ts', 'main/web/**/*.ts', 'main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron', 'better-sqlite3', 'exceljs'], patterns: ['**/main/**', 'node:*'] }] },
  },
  {
    files: ['build/**/*.{js,mjs,cjs}', '**/*.cjs'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
