// One linter for the whole tree (STYLE.md habit 13); Prettier owns formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'coverage', '.wwebjs_auth', '.wwebjs_cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // The heart stays free of platforms and wall-clock time (STYLE.md habits 1 and 5).
    files: ['src/core/**', 'src/flows/**', 'src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/channels/**', '**/store/**'],
              message: 'core, flows and domain must not import adapters',
            },
            {
              group: ['grammy', '@slack/*', 'whatsapp-web.js', 'lowdb', 'lowdb/*'],
              message: 'SDKs belong in src/channels or src/store',
            },
          ],
        },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'use env.clock' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'use env.clock' },
      ],
    },
  },
);
