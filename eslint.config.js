import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Each feature lives in lib/<feature>/{core,background,ui} (see the README's folder table).
// Code that runs next to untrusted pages (content scripts) or renders UI must never reach
// background-only modules: those hold the RPC clients, storage writes and signing.
// lib/wallet holds the MetaMask connection, which must outlive the popup: background only too.
const backgroundOnly = {
  group: ['@/lib/*/background', '@/lib/*/background/*', '**/background/*', '@/lib/chain/chainClients', '@metamask/*'],
  message: 'Background-only code: talk to it through lib/messaging instead.',
};
// lib/wallet likewise, except its transactions table's reads: storage, not signing (the popup shows claims in progress).
const walletOnly = {
  regex: '(^|/)lib/wallet(/(?!transactionsRepository$).*)?$',
  message: 'Background-only code: talk to it through lib/messaging instead.',
};
// The content script runs on every page: no IndexedDB, no chain client, no schema library.
const notOnEveryPage = {
  group: ['@/lib/db', '@/lib/db/*', '**/*Repository', '@/lib/chain/*', '@/lib/protocol/*', 'dexie', 'viem', 'viem/*', 'zod', 'react'],
  message: 'The all-pages content script must stay tiny and read only the page.',
};

// The in-page companion runs next to the creator's page, injected only where a token is declared:
// it may use React and the schema library, but IndexedDB and signing stay in extension contexts.
const notInPages = {
  group: ['@/lib/db', '@/lib/db/*', '**/*Repository', 'dexie', 'dexie-react-hooks', '@/lib/gates/core/siwe', '@/lib/gates/core/siwe/*'],
  message: 'Content scripts run in the page: storage and signing are asked of the background through lib/messaging.',
};

// A feature's core is its pure rules: Node-testable, no browser API, no storage, no background.
const pureCore = {
  group: ['wxt/browser', '@/lib/db/database', '**/*Repository', 'dexie', 'react'], // row types (lib/db/rows) are fine
  message: 'lib/<feature>/core holds pure rules: take I/O as parameters, or move this to background/.',
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No focused tests.' },
        { selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/popup/**/*.{ts,tsx}', 'lib/*/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [backgroundOnly, walletOnly] }],
    },
  },
  {
    files: [
      'entrypoints/companion.content/**/*.{ts,tsx}',
      'entrypoints/page-frame/**/*.{ts,tsx}',
      'components/gates/**/*.{ts,tsx}',
      'lib/gates/ui/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [backgroundOnly, walletOnly, notInPages] }],
    },
  },
  {
    files: ['entrypoints/detect.ts', 'lib/detect/content/**/*.ts'],
    ignores: ['lib/detect/content/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [backgroundOnly, walletOnly, notOnEveryPage] }] },
  },
  {
    files: ['lib/*/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [backgroundOnly, walletOnly, pureCore] }] },
  },
);
