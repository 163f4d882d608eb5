import type { Address, Hex } from 'viem';
import type { AlertPrefs } from '@/lib/alerts/core/alerts';
import type { PersonalTokenManifest } from '@/lib/protocol/manifestSchema';
import type { VoteChoice } from '@/lib/votes/core/choices';
import type { VoteTypedData } from '@/lib/votes/core/buildVoteTypedData';
import type { Alert } from '@/lib/alerts/core/alerts';
import type { TokenList } from '@/lib/detect/core/tokenListSchema';

// Row shapes of the IndexedDB database. Amounts are decimal strings of base units here (they
// cross JSON message boundaries); code turns them into bigint before doing any arithmetic.
// Addresses and hashes keep viem's `0x…` types: what is stored is what the code wrote.

export type Confirmation = 'confirmed' | 'declared';

export interface FollowRow {
  /** CAIP-19 id, canonical form (checksummed address). */
  tokenId: string;
  chainId: number;
  address: Address;
  symbol: string | null;
  name: string | null;
  creatorName: string | null;
  /** Origin of the site the holder followed from, if any. */
  siteOrigin: string | null;
  confirmation: Confirmation;
  /** The validated manifest, kept so later features work offline of the site; null when the page declared only the token. */
  manifest: PersonalTokenManifest | null;
  followedAt: number;
}

export interface StoredPriceSource {
  protocol: 'v2' | 'v3' | 'v4';
  /** V3/V4 fee in hundredths of a bip; null for V2. */
  fee: number | null;
  pair: string;
  via: string | null;
  /** Depth in USD ×1e18; null when judged in ETH (the chain's ETH/USD pools gave no price). */
  depthUsdE18: string | null;
  /** Depth in ETH ×1e18 when judged in ETH; absent on rows stored before ETH depths existed. */
  depthEthE18?: string | null;
  reliable: boolean;
}

/** One reading of a holding as shown to the holder. */
export interface HoldingValues {
  /** Null when no account is set: the price still shows. */
  balance: string | null;
  decimals: number | null;
  symbol: string | null;
  name: string | null;
  /** ETH per whole token ×1e18; null without a WETH pool. */
  priceEthE18: string | null;
  /** USD per ETH ×1e18; null without the USD pool. */
  ethUsdE18: string | null;
  /**
   * USD per whole token ×1e18, kept only when `ethUsdE18` is null and the price came from a
   * stablecoin route (with ETH/USD it is derived from `priceEthE18`). Absent on older rows.
   */
  priceUsdE18?: string | null;
  valueWei: string | null;
  /**
   * The pool the price comes from (the deepest route found), or null when no pool was found.
   * With `reliable: false` the pool is thinner than the holder's minimum depth and no price is
   * kept. Absent in readings stored before prices named their source.
   */
  priceSource?: StoredPriceSource | null;
  blockNumber: string;
  blockTimestamp: number;
  fetchedAt: number;
}

export interface HoldingRow {
  /** Lower-case address of the account the holding belongs to; `''` for readings taken with no address set. */
  account: Address | '';
  tokenId: string;
  chainId: number;
  latest: HoldingValues;
  /** What the holder last looked at (when the popup last closed): the base of "change since". */
  looked: HoldingValues | null;
}

export interface ChainStatusRow {
  chainId: number;
  lastSuccessAt: number | null;
  lastAttemptAt: number;
  lastError: string | null;
}

export interface SettingsMap {
  watchAddress: Address | null;
  /** The wallet account connected through MetaMask (or another wallet), if any. */
  wallet: { account: Address; chainId: number } | null;
  /** Per chain id, the RPC endpoints that replace the defaults, in order. */
  rpcUrls: Record<string, string[]>;
  /** Chain ids the holder turned off in settings: not read. Every chain is on by default. */
  disabledChains: number[];
  /** A pool thinner than this (USD, both sides) gives "no reliable price". */
  minPoolDepthUsd: number;
  currency: 'USD' | 'ETH';
  /** What alerts notify, and when (lib/alerts). */
  alerts: AlertPrefs;
  /** Where the toolbar button opens the companion: the popup, or the browser's side panel. */
  openIn: 'popup' | 'panel';
}

export type SettingKey = keyof SettingsMap;

export interface SettingRow<K extends SettingKey = SettingKey> {
  key: K;
  value: SettingsMap[K];
}

/** Version 1 kept one "last seen" row per token, for a single watch address. */
export interface LastSeenRowV1 {
  tokenId: string;
  balance: string;
  priceEthE18: string | null;
  valueWei: string | null;
  blockNumber: string;
  seenAt: number;
}

/** Where a vote is in its life; a vote is saved before the wallet is asked to sign it. */
export type VoteStatus = 'awaiting-signature' | 'signed' | 'submitting' | 'submitted' | 'cancelled' | 'failed';

export interface VoteRow {
  /** Local id, also the idempotency key of the submission. */
  id: string;
  tokenId: string;
  hub: string;
  space: string;
  proposalId: string;
  proposalTitle: string;
  /** Lower-case voter address. */
  account: Address;
  /** The choice as Snapshot encodes it for the proposal's type (number, array or object). */
  choice: VoteChoice;
  /** Human-readable summary of the choice, e.g. "Rust". */
  choiceLabel: string;
  /** The exact EIP-712 typed data asked to be signed (JSON, bigint-free). */
  typedData: VoteTypedData;
  signature: Hex | null;
  /** The hub's receipt (its id for the vote), once accepted. */
  receipt: string | null;
  status: VoteStatus;
  error: string | null;
  createdAt: number;
  updatedAt: number;
}

/** The holder's entry in one claims file, found once per file content and account. */
export interface ClaimsCacheRow {
  /** SHA-256 of the claims file's bytes (claimsFileHash): a changed file is a new key. */
  fileHash: Hex;
  /** Lower-case account. */
  account: Address;
  /** The root the file says it is for. */
  fileRoot: Hex;
  /** Null when the account is not in the file. Numbers as decimal strings. */
  claim: { index: string; amount: string; proof: Hex[] } | null;
  cachedAt: number;
}

/** One round as the popup shows it, decided from the claims file and the chain together. */
export interface RoundView {
  id: string;
  title: string;
  date: string;
  status: 'claimable' | 'claimed' | 'not-eligible' | 'refused' | 'unavailable';
  /** Base units of the paid token; null when not in the round. */
  amount: string | null;
  tokenSymbol: string;
  tokenDecimals: number;
  /** When the paid token is the creator's own: it can be valued at the creator's price. */
  paidInCreatorToken: boolean;
  message: string | null;
  /** When claims end (ms), from the manifest's optional `endsAt`; absent on older rows. */
  endsAt?: number | null;
}

/** A Uniswap V2 position as the popup shows it (amounts in base units, as decimal strings). */
export interface LpView {
  pair: Address;
  lpInWallet: string;
  lpStaked: string;
  tokenAmount: string;
  ethAmount: string;
  /** Share of the pool ×1e18. */
  shareE18: string;
  valueWei: string;
  /** LP vs holding since the position was first seen, in basis points; null on first sight. */
  impermanentLossBps: number | null;
  entrySince: number | null;
  staking: { address: Address; earned: string; yearlyRateBps: string | null; periodFinish: number; rewardSymbol: string } | null;
}

/** A snapshot-based reward program: the holder's estimated share. */
export interface ProgramView {
  id: string;
  title: string;
  amount: string;
  estimate: string;
  startBlock: number;
  endBlock: number;
  ended: boolean;
  /**
   * The holder's LP at the start and end blocks once those are mined: past blocks never change, so
   * the next refresh reuses them and reads only the current block. `key` names what was read
   * (pair, staking contract, blocks); a manifest that changes any of them is read again. Absent on older rows.
   */
  readings?: { key: string; start: SnapshotReadingRow | null; end: SnapshotReadingRow | null };
}

/** The holder's LP (wallet plus staked) and the pair's supply at one block, as decimal strings. */
export interface SnapshotReadingRow {
  block: number;
  holderLp: string;
  lpSupply: string;
}

/** A creator's pending income and liquidity for one account, as of a block. */
export interface IncomeRow {
  /** Lower-case account. */
  account: Address;
  tokenId: string;
  rounds: RoundView[];
  positions: LpView[];
  programs: ProgramView[];
  blockNumber: string;
  fetchedAt: number;
}

/** Where a claims file was last seen, so a popup opening does not download it again. */
export interface ClaimsFileRow {
  url: string;
  fileHash: Hex;
  fetchedAt: number;
}

/** An LP position as first recorded: the base of impermanent loss (lib/lp LpEntryRecord, as strings). */
export interface LpEntryRow {
  /** Lower-case account and pair. */
  account: Address;
  pair: Address;
  chainId: number;
  lp: string;
  tokenAmount: string;
  quoteAmount: string;
  blockNumber: string;
  timestamp: string;
}

export type TransactionStatus = 'awaiting-signature' | 'pending' | 'confirmed' | 'failed' | 'cancelled';

/** A claim or reward collection: saved before the wallet prompt, followed to its receipt. */
export interface TransactionRow {
  id: string;
  /** claim-all: several rounds in one transaction; `subject` lists them (see claimAll.ts). redeem: an offer's payment; `subject` is the redemption id. */
  kind: 'claim' | 'collect-rewards' | 'claim-all' | 'redeem';
  tokenId: string;
  chainId: number;
  /** What it is for, e.g. the round id or the staking contract. */
  subject: string;
  label: string;
  /** Lower-case account that sends. */
  account: Address;
  to: Address;
  data: Hex;
  hash: Hex | null;
  /** The account's next nonce when the wallet was asked: what the transaction would use. Absent on older rows. */
  nonce?: number;
  status: TransactionStatus;
  error: string | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * A gate the holder unlocked on a creator's site: the content the creator's server returned for a
 * signed Sign-In-with-Ethereum proof, kept until the proof expires. The content is stored as
 * received and sanitized each time it is shown, so a better sanitizer also protects old rows.
 */
export interface UnlockSessionRow {
  /** Page origin the proof was signed for, e.g. `https://alex.example`. */
  origin: string;
  gateId: string;
  tokenId: string;
  /** Checksummed address that signed; its balance is re-checked on every visit. */
  address: Address;
  kind: 'post' | 'link' | 'code';
  title: string;
  content: string;
  minBalance: string;
  unlockedAt: number;
  expiresAt: number;
}

/** What the holder decided about one site, e.g. that the in-page companion stays hidden. */
export interface SitePrefsRow {
  origin: string;
  companionDismissed: boolean;
  /** The EIP-6963 wallet (rdns) the holder picked on this site when the page offered several. */
  walletRdns?: string;
}

/** Something that needs the holder now, as the last alert refresh found it (lib/alerts). */
export type AlertRow = Alert & { foundAt: number };

/** An alert key notified once: never notified again (kept while due, then 90 days). */
export interface AlertSeenRow {
  key: string;
  notifiedAt: number;
}

/** The last background alert refresh, for the popup ("checked 5 min ago") and tests. */
export interface AlertRunRow {
  id: 'last';
  at: number;
  skipped: boolean;
  waiting: number;
  notified: number;
  error: string | null;
}

/** A signer recovered by a verified tally, one per row: database versions 7 to 9 (now VoteSignerBatchRow). */
export interface VoteSignerRow {
  /** The vote's EIP-712 hash followed by its signature, lower case: together they fix the signer. */
  key: string;
  /** What the vote was for: a tally loads the signers of its proposal only. */
  proposalId: string;
  signer: Address;
  /** When a tally first recovered it (ms): the oldest go first when the table is full. */
  seenAt: number;
}

/**
 * A token list the holder added by URL (or, under the key `shipped`, only whether the list this
 * build ships is enabled). `list` is the last copy that passed the schema; a later broken fetch
 * records `error` and leaves it as it was.
 */
export interface TokenListRow {
  url: string;
  enabled: boolean;
  addedAt: number;
  list: TokenList | null;
  /** When `list` was fetched; null until a good copy arrived. */
  fetchedAt: number | null;
  /** Last fetch, good or not: the list is fetched again at most once a day after it. */
  lastAttemptAt: number;
  /** Why the last fetch was not used, in one sentence; null when it was. */
  error: string | null;
}

/** A listed token the account holds, found by reading its balance of every token in the enabled lists. */
export interface DiscoveryRow {
  /** Lower-case account. */
  account: Address;
  tokenId: string;
  chainId: number;
  /** Base units, decimal string; only rows above zero are kept. */
  balance: string;
  symbol: string;
  name: string;
  decimals: number;
  /** Name of the list the token was found in. */
  listName: string;
  /** The listed sites of the creator, if the list names them. */
  domains: string[];
  foundAt: number;
}

/**
 * Where a redemption of a creator's offer is (lib/offers). Saved before any wallet opens; each
 * step moves it on: proving (the page's wallet signs the proof) → paying (the transfer, followed
 * to its receipt) → booking (the creator's endpoint) → booked. `failed` and `cancelled` mean
 * nothing was paid; `booking-failed` means paid and not booked yet: "Book again" pays nothing.
 */
export type RedemptionStatus = 'proving' | 'paying' | 'booking' | 'booked' | 'booking-failed' | 'failed' | 'cancelled';

export interface RedemptionRow {
  id: string;
  tokenId: string;
  chainId: number;
  /** The creator site the proof is bound to (the tab's origin when the holder clicked). */
  origin: string;
  offerId: string;
  offerTitle: string;
  /** Base units of the creator token, decimal string. */
  price: string;
  recipient: Address;
  endpoint: string;
  symbol: string;
  decimals: number;
  /** Lower-case paying account (the one the proof names). */
  account: Address;
  /** The signed Sign-In-with-Ethereum proof, once signed. */
  message: string | null;
  signature: Hex | null;
  /** The payment in `transactions` (kind 'redeem'), and its hash once sent. */
  transactionId: string | null;
  hash: Hex | null;
  /** The creator's booking reference, once booked. */
  reference: string | null;
  status: RedemptionStatus;
  /** Why it stopped, as a sentence for the holder. */
  error: string | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * Signers recovered by a verified tally, up to a thousand per row (lib/votes/signerCacheRepository.ts):
 * one row per signer cost the service worker ~0.1 ms a row to write, 1 s for a 10,000-vote tally.
 */
export interface VoteSignerBatchRow {
  id?: number;
  /** What the votes were for: a tally loads the signers of its proposal only. */
  proposalId: string;
  /** Each vote's EIP-712 hash followed by its signature, lower case: together they fix the signer. */
  keys: string[];
  /** The signer of each key, in the same order. */
  signers: Address[];
  /** When a tally last added to the row (ms): the oldest rows go first when the table is full. */
  seenAt: number;
}
