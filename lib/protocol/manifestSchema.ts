import './zodNoEval';
import { z } from 'zod';
import { address, amount, blockNumber, day, id, text, tokenId, url } from './fields';
import { MANIFEST_VERSION, MAX_DESCRIPTION, MAX_ENTRIES, MAX_NAME, MAX_SPACE, MAX_TITLE } from './limits';

// The personal-token manifest, version 1. Every object is strict: a misspelt key is far more
// likely than a deliberate extension, and silently ignoring `claimsURL` would hide a round.
// Field-level checks live here; rules that relate fields (unique ids, rewards naming a listed
// pair, same chain) are in `crossCheckManifest.ts`.

const list = <T extends z.ZodType>(item: T, description: string) =>
  z
    .array(item)
    .max(MAX_ENTRIES)
    .default(() => [])
    .meta({ description });

export const creatorSchema = z.strictObject({
  name: text(MAX_NAME, 'The person behind the token, as holders know them.'),
  url: url("The creator's home page."),
  description: text(MAX_DESCRIPTION, 'One or two sentences shown under the name.').optional(),
});

export const pairSchema = z.strictObject({
  protocol: z.literal('uniswap-v2').meta({ description: 'The AMM. Only Uniswap V2 (and its forks with the same pair interface) for now.' }),
  address: address('The pair contract (the LP token), token against WETH or another token.'),
  staking: address(
    'A StakingRewards contract where this LP token can be staked (optional); the same as a `rewards` entry of kind "staking-rewards" for this pair. One per pair.',
  ).optional(),
});

export const distributionSchema = z.strictObject({
  id: id('Stable id of the round, unique among distributions, e.g. "2021-q1".'),
  title: text(MAX_TITLE, 'Shown to holders, e.g. "Income share Q1 2021".'),
  date: day('The day the round was paid out (YYYY-MM-DD).'),
  distributor: address('The Uniswap MerkleDistributor contract holding the round.'),
  claimsUrl: url('The claims file in the Uniswap merkle-distributor format ({ merkleRoot, tokenTotal, claims }).'),
  token: tokenId("CAIP-19 id of the paid token when it is not the creator's token (e.g. LP shares).").optional(),
  endsAt: z.iso
    .datetime({ error: 'expected a UTC date and time written like "2026-03-31T23:59:59Z"' })
    .meta({
      description:
        'Optional: when claims of this round stop being accepted (ISO 8601, UTC, e.g. "2026-03-31T23:59:59Z"); holders are alerted before.',
    })
    .optional(),
});

const rewardBase = {
  id: id('Stable id of the program, unique among rewards.'),
  title: text(MAX_TITLE, 'Shown to holders, e.g. "Liquidity mining, March".'),
  pair: address('The Uniswap V2 pair whose LP tokens earn the reward; must be listed in `pairs`.'),
};

export const stakingRewardSchema = z.strictObject({
  kind: z.literal('staking-rewards'),
  ...rewardBase,
  address: address('The StakingRewards contract (Uniswap liquidity-staker); the same as `staking` on the pair. One per pair.'),
});

export const snapshotRewardSchema = z.strictObject({
  kind: z.literal('snapshot'),
  ...rewardBase,
  amount: amount('Total reward shared pro rata between LP holders, in base units.'),
  startBlock: blockNumber('Block of the first snapshot.'),
  endBlock: blockNumber('Block of the second snapshot (after startBlock).'),
  token: tokenId("CAIP-19 id of the reward token when it is not the creator's token.").optional(),
});

export const rewardSchema = z.discriminatedUnion('kind', [stakingRewardSchema, snapshotRewardSchema]);

export const votesSchema = z.strictObject({
  hub: url('A Snapshot-compatible hub, e.g. "https://hub.snapshot.org".'),
  space: z
    .string()
    .max(MAX_SPACE)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'expected a Snapshot space id like "alex.eth"' })
    .meta({ description: 'The Snapshot space id, e.g. "alex.eth".' }),
  // Holders who provide liquidity would otherwise lose their say by doing so (Alex paid income
  // in LP shares), so a space may count the tokens a holder has in the pool as voting power.
  countLiquidity: z
    .boolean()
    .meta({
      description:
        "Also count, as voting power, the creator tokens a holder has in the token/WETH Uniswap V2 pool (their LP share of the pool's token reserve). Default false.",
    })
    .optional(),
});

export const gateSchema = z.strictObject({
  id: id('Stable id of the gate, unique among gates.'),
  title: text(MAX_TITLE, 'What unlocking gives, e.g. "Members-only post".'),
  kind: z.enum(['post', 'link', 'code']).meta({ description: 'post: content shown in place; link: a URL; code: a discount code.' }),
  minBalance: amount('Minimum balance, in base units, needed to unlock.'),
  endpoint: url('Where the extension sends the signed Sign-In-with-Ethereum proof and gets the content back.'),
});

export const offerSchema = z.strictObject({
  id: id('Stable id of the offer, unique among offers, e.g. "hour".'),
  title: text(MAX_TITLE, 'What the holder gets, e.g. "An hour of my time".'),
  description: text(MAX_DESCRIPTION, 'One or two sentences: what exactly is sold, and how it is delivered.'),
  price: amount('The price in base units of the creator token, paid with one ERC-20 transfer to `recipient`. More than 0.'),
  recipient: address('Who receives the payment (the creator, or a payment address).'),
  endpoint: url(
    'The booking endpoint: `GET <endpoint>/nonce` gives a one-time nonce; `POST <endpoint>/book` takes the transfer hash and a Sign-In-with-Ethereum proof of the sender, checks the transfer on chain and answers a booking reference.',
  ),
});

export const manifestSchema = z
  .strictObject({
    $schema: z.string().max(2048).meta({ description: 'Optional; lets editors find this schema.' }).optional(),
    version: z.literal(MANIFEST_VERSION, {
      error: (iss) =>
        iss.input === undefined
          ? undefined
          : `this companion reads version ${MANIFEST_VERSION} manifests; got ${JSON.stringify(iss.input)}`,
    }),
    token: tokenId('The creator token, as a CAIP-19 id: eip155:<chainId>/erc20:<address>. Must equal the page declaration.'),
    creator: creatorSchema,
    pairs: list(pairSchema, 'Uniswap V2 pairs of the token.'),
    distributions: list(distributionSchema, 'Income rounds paid with a Uniswap MerkleDistributor.'),
    rewards: list(rewardSchema, 'Liquidity reward programs.'),
    votes: votesSchema.optional(),
    gates: list(gateSchema, 'Content on the creator site unlocked by holding the token.'),
    // Added after the first v1 readers shipped: they skip it with a warning (compatibility.ts).
    offers: list(
      offerSchema,
      'What the creator sells for the token (an hour of their time…), paid by a transfer and booked on their site.',
    ),
  })
  .meta({ title: 'Personal token manifest, version 1' });

/** A manifest after validation: addresses checksummed, token ids canonical, lists present. */
export type PersonalTokenManifest = z.output<typeof manifestSchema>;
/** What a creator writes (lists may be left out). */
export type PersonalTokenManifestInput = z.input<typeof manifestSchema>;
export type ManifestPair = PersonalTokenManifest['pairs'][number];
export type ManifestDistribution = PersonalTokenManifest['distributions'][number];
export type ManifestReward = PersonalTokenManifest['rewards'][number];
export type ManifestGate = PersonalTokenManifest['gates'][number];
export type ManifestOffer = PersonalTokenManifest['offers'][number];
export type ManifestVotes = NonNullable<PersonalTokenManifest['votes']>;
