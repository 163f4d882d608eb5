import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { ResultOf } from '@/lib/messaging/contract';
import { appRequests, type AppRequests, type AppRequestType } from './contract';

// A representative answer per request, typed from its contract (so the compiler keeps this table
// complete) and checked at run time against the output schema the router enforces.
const gate: ResultOf<AppRequests['lock-gate']> = {
  gateId: 'members',
  title: 'Members post',
  kind: 'post',
  requirement: '1 ALEX',
  state: 'locked',
  note: null,
  unlocked: null,
};
const proposal: ResultOf<AppRequests['proposals']>[number]['proposal'] = {
  id: '0xabc',
  title: 'Next video',
  body: '',
  type: 'single-choice',
  choices: ['A', 'B'],
  start: 1_700_000_000,
  end: 1_700_100_000,
  snapshotBlock: 12,
  state: 'active',
  hubScores: [1.5, 0],
  votes: 1,
  shielded: false,
  pageUrl: null,
};
const samples: { [T in AppRequestType]: ResultOf<AppRequests[T]> } = {
  declaration: null,
  'claim-all-preview': {
    chainId: 31337,
    via: 'multicall',
    rounds: [
      {
        tokenId: 'eip155:31337/erc20:0x0',
        roundId: '2021-q1',
        title: 'Q1',
        token: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
        amount: '25000',
        simulated: { ok: false, reason: 'MerkleDistributor: Drop already claimed.' },
      },
    ],
    totals: [{ token: '0x5FbDB2315678afecb367f032d93F642f64180aa3', amount: '25000' }],
  },
  'claim-all': { transactionId: 't1' },
  'claim-all-outcome': {
    status: 'confirmed',
    error: null,
    hash: null,
    rounds: [{ tokenId: 'eip155:31337/erc20:0x0', roundId: '2021-q1', title: 'Q1', result: { status: 'claimed', by: 'earlier' } }],
  },
  'tab-state': {
    status: 'detected',
    origin: 'http://localhost:4101',
    tokenId: 'eip155:31337/erc20:0x5FbDB2315678afecb367f032d93F642f64180aa3',
    chainId: 31337,
    chainName: 'Devnet',
    address: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    confirmation: 'confirmed',
    creatorName: 'Alex',
    creatorDescription: null,
    manifest: null,
  },
  refresh: {
    chains: [
      { chainId: 31337, chainName: 'Devnet', blockNumber: '12', error: null },
      { chainId: 1, chainName: 'Ethereum', blockNumber: null, error: 'timeout' },
    ],
  },
  follow: { tokenId: 'eip155:1/erc20:0x0' },
  unfollow: null,
  'follow-listed': { tokenId: 'eip155:31337/erc20:0x5FbDB2315678afecb367f032d93F642f64180aa3' },
  'add-token-list': { url: 'https://lists.example/creators.json', name: 'Creators', tokens: 12 },
  'remove-token-list': null,
  'set-token-list-enabled': null,
  'set-watch-address': { address: null },
  'backup-export': {
    fileName: 'personal-token-companion-backup-2026-12-01.json',
    text: '{}',
    counts: [{ name: 'follows', noun: ['follow', 'follows'], count: 2 }],
  },
  'backup-preview': {
    exportedAt: '2026-12-01T10:00:00.000Z',
    sections: [{ name: 'follows', noun: ['follow', 'follows'], added: 1, merged: 0, kept: 1 }],
    unknownSections: [],
  },
  'backup-import': { exportedAt: '2026-12-01T10:00:00.000Z', sections: [], unknownSections: ['redemptions'] },
  'set-currency': { currency: 'ETH' },
  'set-rpc-urls': { urls: ['https://rpc.example'] },
  'set-chain-enabled': { disabledChains: [10] },
  'set-min-pool-depth': { usd: 5000 },
  'clear-all-data': null,
  'wallet-connect': { account: '0x0000000000000000000000000000000000000001', chainId: 1 },
  'wallet-disconnect': null,
  proposals: [
    {
      proposal,
      power: {
        account: '0x1',
        amount: '1000',
        fromLiquidity: '0',
        countsLiquidity: false,
        hubVp: null,
        decimals: 18,
        symbol: 'ALEX',
        blockNumber: 12,
      },
    },
  ],
  'cast-vote': { voteId: 'v1' },
  'retry-vote': null,
  tally: {
    proposalId: '0xabc',
    scores: ['1000', '0'],
    scoresTotal: '1000',
    verified: 1,
    total: 1,
    invalid: [],
    hubDisagrees: false,
    signaturesChecked: true,
    decimals: 18,
    symbol: 'ALEX',
  },
  claim: { transactionId: 'tx-1' },
  'redeem-offer': { redemptionId: 'r-1' },
  'book-again': { redemptionId: 'r-1' },
  'collect-rewards': { transactionId: 'tx-2' },
  'page-layout': { gates: [{ gateId: 'notes', unlocked: false }], card: true },
  'frame-gate': { ...gate, state: 'unlocked', unlocked: { content: '<p>hi</p>', address: '0x1', expiresAt: 1 } },
  'companion-summary': {
    creatorName: 'Alex',
    symbol: 'ALEX',
    confirmed: true,
    following: false,
    account: null,
    holding: null,
    holdingValue: { usdE18: '3750000000000000000000', wei: null },
    currency: 'ETH',
    income: '2 rounds to claim',
    openVotes: 1,
    dismissed: false,
  },
  'unlock-gate': { kind: 'choose-wallet', wallets: [{ uuid: 'u', name: 'MetaMask', rdns: 'io.metamask', icon: null }] },
  'lock-gate': gate,
  'companion-dismiss': null,
  'open-popup': null,
  'show-page-card': null,
  'set-alert-prefs': null,
  'check-alerts': { skipped: false, waiting: 2, notified: ['ptc|eip155:1/erc20:0x0|new-round'], problems: [] },
  'set-open-in': null,
};

describe('request contracts', () => {
  test.each(Object.keys(appRequests))('%s: a representative answer passes its output schema', (type) => {
    const contract = Object.entries(appRequests).find(([name]) => name === type)?.[1];
    const sample = Object.entries(samples).find(([name]) => name === type)?.[1];
    expect(z.safeParse(contract!.output, sample).error).toBeUndefined();
  });

  test('the schemas refuse answers of another shape', () => {
    expect(z.safeParse(appRequests['tab-state'].output, { status: 'detected' }).success).toBe(false);
    expect(appRequests.tally.output.safeParse({ ...samples.tally, scoresTotal: '1.5' }).success).toBe(false);
    expect(appRequests['unlock-gate'].output.safeParse({ kind: 'view' }).success).toBe(false);
  });

  test('every request declares who may send it', () => {
    const bySender = z
      .record(z.string(), z.object({ sender: z.enum(['popup', 'declaring-page', 'any-page', 'declaring-frame']) }))
      .parse(appRequests);
    expect(
      Object.entries(bySender)
        .filter(([, c]) => c.sender !== 'popup')
        .map(([t, c]) => `${t}: ${c.sender}`),
    ).toEqual([
      'declaration: any-page',
      'page-layout: declaring-page',
      'frame-gate: declaring-frame',
      'companion-summary: declaring-frame',
      'unlock-gate: declaring-frame',
      'lock-gate: declaring-frame',
      'companion-dismiss: declaring-frame',
      'open-popup: declaring-frame',
    ]);
  });
});
