// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-demo/', '.screenshots/', 'storybook-static/', 'coverage/', 'node_modules/', '.bench/', '.tmp-probe/', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Chai's property assertions (`expect(x).to.exist`) read as bare expressions.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['scripts/**', 'bin/**', 'test/cli/**', '*.config.*', '.storybook/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
