// The SPA's lint: ESLint's and typescript-eslint's recommended rules with the type checker's knowledge (floating
// and misused promises, unsafe `any`), and React's hooks rules (the rules of hooks, exhaustive dependencies and
// the React Compiler's checks). `npm run lint` allows no warning; `make test` runs it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** What Node gives the build's own scripts and configs. */
const node = { console: 'readonly', process: 'readonly', URL: 'readonly' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'e2e/artifacts/', 'src/lib/api/schema.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // React ignores what an event handler returns, and react-hook-form's handleSubmit (a promise that settles
      // once the submit callback has run) is the documented way to give a form its onSubmit.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `const { profile: _profile, ...user } = me` is how an object is passed on without one of its fields.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Configs and scripts outside the TypeScript project: JavaScript's rules, Node's globals.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: node },
  },
);
