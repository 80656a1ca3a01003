// Lint: typescript-eslint's recommended rules plus the project's boundaries (../shared/design/style-anchors.md §8.8).
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.cache/**', 'test-results/**', 'db/migrations/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]', message: 'no focused or skipped tests' }
      ]
    }
  },
  {
    files: ['core/**/*.ts', 'db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'core/ and db/ never import Electron' }], patterns: ['**/renderer/**', '**/electron/**'] }]
    }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // `*.engine.test.ts`: tests of renderer data against what the engine writes; they run the engine in Node.
    ignores: ['renderer/**/*.engine.test.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the renderer uses the typed API only' }],
          patterns: [
            { group: ['node:*'], message: 'the renderer never touches Node' },
            { group: ['**/db/**', '**/electron/main/**', '**/core/*', '!**/core/api', '!**/core/contract', '**/core/**/*.ts', '!**/core/api/channels.ts', '!**/core/api/channels/*.ts', '!**/core/api/bridge.ts', '!**/core/contract/*.ts'], message: 'the renderer may import only the API channel definitions and contract types from core/' }
          ]
        }
      ]
    }
  },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } }
)
