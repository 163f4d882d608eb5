import type { Address } from 'viem';
import { DEVNET_A, DEVNET_B, DEVNET_CHAINS } from '../../lib/chain/devnet';
import { uniswapV2PairAddress } from '../../lib/chain/pairAddress';
import type { ChainConfig } from '../../lib/chain/types';
import { devnetIncomeManifestFields } from '../devnet/incomeManifest';
import { ALEX_GATE_LIST, GATES_PATH } from './gates/alexGates';
import { gateManifestEntry } from './gates/gateBlocks';
import type { DemoGate } from './gates/types';
import { ALEX_OFFER_LIST, OFFERS_PATH, offerManifestEntry, type DemoOffer } from './offers/alexOffers';

/** One demo creator: everything the site and its manifest say about them. */
export interface DemoCreator {
  key: 'alex' | 'mike';
  name: string;
  symbol: string;
  chainId: number;
  token: Address;
  tagline: string;
  description: string;
  /** Colours of the site, so the two creators are told apart at a glance in screenshots. */
  accent: [string, string];
  initials: string;
  /** The page body after the hero: a few sections of plain copy; `gated` ones also show the gated blocks. */
  sections: { title: string; body: string[]; gated?: true }[];
  /** A Snapshot space served by the demo hub under HUB_PATH on the creator's own site. */
  votes?: { space: string; countLiquidity: boolean };
  /** Gated content, unlocked through the gate endpoint at GATES_PATH on the creator's own site. */
  gates?: readonly DemoGate[];
  /** What the creator sells for the token, booked through the endpoint at OFFERS_PATH on their own site. */
  offers?: readonly DemoOffer[];
}

/** Where the demo server mounts a creator's vote hub (test/demo-server/hub). */
export const HUB_PATH = '/hub';

export const ALEX: DemoCreator = {
  key: 'alex',
  name: 'Alex Masmej',
  symbol: 'ALEX',
  chainId: DEVNET_A.chainId,
  token: DEVNET_A.creatorToken,
  tagline: 'Entrepreneur, Ethereum native, and the second publicly traded person.',
  description: 'Alex sold a share of his future income as $ALEX. Holders vote on his life choices and share his income.',
  accent: ['#6d4aff', '#ff8a5b'],
  initials: 'AM',
  // Alex paid income in LP shares: holders who provide liquidity keep their vote.
  votes: { space: 'alex.eth', countLiquidity: true },
  gates: ALEX_GATE_LIST,
  offers: ALEX_OFFER_LIST,
  sections: [
    {
      title: 'Invest in me',
      body: [
        'In 2020 I raised $20,000 against 1,000,000 $ALEX. Those holders get 15% of my income for the next three years, paid every quarter.',
        'There are 10,000,000 $ALEX in total. 25,000 $ALEX still buys an hour of my time.',
      ],
    },
    {
      title: 'Control my life',
      body: [
        'Holders vote on my habits: 1 $ALEX is 1 vote. The first vote chose a daily 5 km run, and I have kept running every day.',
        'Next up: the book I read and what I eat. Sign your choice with your wallet; the tally is public.',
      ],
    },
    {
      title: 'Holders only',
      body: ['Hold at least 1 $ALEX to join the private chat and to read my monthly notes on this site.'],
      gated: true,
    },
  ],
};

export const MIKE: DemoCreator = {
  key: 'mike',
  name: 'Mike Merrill',
  symbol: 'MIKE',
  chainId: DEVNET_B.chainId,
  token: DEVNET_B.creatorToken,
  tagline: 'Publicly traded since 2008. Shareholders run my life.',
  description: 'Mike sold shares in himself in 2008; holders of $MIKE vote on his decisions, big and small.',
  accent: ['#0f8a6a', '#3fb6d9'],
  initials: 'MM',
  sections: [
    {
      title: 'The experiment',
      body: [
        'I split myself into 100,000 shares in 2008. Since then my shareholders have voted on my diet, my relationships and my career.',
        'Now the shares live on chain as $MIKE, so anyone can hold a piece of me and vote.',
      ],
    },
    {
      title: 'Recent votes',
      body: [
        'Should I go vegetarian for a month? Which city should I live in next? Should I run a marathon this year? Every proposal, the turnout and the result are listed here.',
      ],
    },
    {
      title: 'For shareholders',
      body: ['Holders get the quarterly letter early and a say in what I write about next.'],
    },
  ],
};

export const DEMO_CREATORS = [ALEX, MIKE] as const;

/** CAIP-19 asset id, the form both the meta tag and the manifest use. */
export function caip19(chainId: number, token: Address): string {
  return `eip155:${chainId}/erc20:${token}`;
}

function chainOf(chainId: number): ChainConfig {
  const chain = DEVNET_CHAINS.find((c) => c.chainId === chainId);
  if (!chain) throw new Error(`No devnet chain ${chainId}`);
  return chain;
}

/** The creator-token/WETH pair the devnet deploys, derived like the extension derives it. */
export function creatorWethPair(creator: DemoCreator): Address {
  const { uniswapV2 } = chainOf(creator.chainId);
  return uniswapV2PairAddress(uniswapV2.factory, uniswapV2.pairInitCodeHash, creator.token, uniswapV2.weth);
}

/** Manifest v1 as the creator's server serves it; `origin` is where the site is running. */
export function creatorManifest(creator: DemoCreator, origin: string): Record<string, unknown> {
  return {
    version: 1,
    token: caip19(creator.chainId, creator.token),
    creator: { name: creator.name, url: `${origin}/`, description: creator.description },
    pairs: [{ protocol: 'uniswap-v2', address: creatorWethPair(creator) }],
    // Alex's rounds, staking and liquidity mining exist on chain A only (test/devnet/incomePlan.ts).
    ...(creator.key === 'alex' ? devnetIncomeManifestFields(origin, creatorWethPair(creator)) : {}),
    ...(creator.votes ? { votes: { hub: `${origin}${HUB_PATH}`, ...creator.votes } } : {}),
    ...(creator.gates ? { gates: creator.gates.map((g) => gateManifestEntry(g, `${origin}${GATES_PATH}`)) } : {}),
    ...(creator.offers ? { offers: creator.offers.map((o) => offerManifestEntry(o, `${origin}${OFFERS_PATH}`)) } : {}),
  };
}
