import Dexie, { type Table } from 'dexie';
import { isAddress } from 'viem';
import { lowerAddress } from '../protocol/address';
import { alertKey } from '../alerts/core/alerts';
import type {
  AlertRow,
  AlertRunRow,
  AlertSeenRow,
  ChainStatusRow,
  ClaimsCacheRow,
  ClaimsFileRow,
  FollowRow,
  HoldingRow,
  HoldingValues,
  IncomeRow,
  LastSeenRowV1,
  LpEntryRow,
  SettingRow,
  SitePrefsRow,
  TokenListRow,
  DiscoveryRow,
  RedemptionRow,
  TransactionRow,
  UnlockSessionRow,
  VoteRow,
  VoteSignerBatchRow,
  VoteSignerRow,
} from './rows';

export const DEFAULT_DATABASE_NAME = 'personal-token-companion';

/** Signers per voteSignerBatches row: one row's write or read is a short task on the service worker. */
export const SIGNER_BATCH_SIZE = 1_000;

/**
 * The extension's IndexedDB. Every past version stays declared: Dexie needs the chain to
 * upgrade a database from any version a holder may still have.
 */
export class CompanionDatabase extends Dexie {
  follows!: Table<FollowRow, string>;
  holdings!: Table<HoldingRow, [string, string]>;
  chainStatus!: Table<ChainStatusRow, number>;
  settings!: Table<SettingRow, string>;
  votes!: Table<VoteRow, string>;
  claimsCache!: Table<ClaimsCacheRow, [string, string]>;
  claimsFiles!: Table<ClaimsFileRow, string>;
  lpEntries!: Table<LpEntryRow, [string, string]>;
  transactions!: Table<TransactionRow, string>;
  income!: Table<IncomeRow, [string, string]>;
  unlockSessions!: Table<UnlockSessionRow, [string, string]>;
  sitePrefs!: Table<SitePrefsRow, string>;
  alerts!: Table<AlertRow, string>;
  alertsSeen!: Table<AlertSeenRow, string>;
  alertRuns!: Table<AlertRunRow, string>;
  voteSignerBatches!: Table<VoteSignerBatchRow, number>;
  tokenLists!: Table<TokenListRow, string>;
  discoveries!: Table<DiscoveryRow, [string, string]>;
  redemptions!: Table<RedemptionRow, string>;

  constructor(name: string = DEFAULT_DATABASE_NAME) {
    super(name);
    this.version(1).stores({ follows: 'tokenId', lastSeen: 'tokenId', settings: 'key' });
    // Version 2: holdings per account (watch-only address or wallet), with the latest reading
    // and the one last looked at side by side; chain status for labelling stale data.
    this.version(2)
      .stores({
        lastSeen: null,
        holdings: '[account+tokenId], account, tokenId',
        chainStatus: 'chainId',
      })
      .upgrade(async (tx) => {
        const watch = await tx.table<SettingRow, string>('settings').get('watchAddress');
        const watched = watch?.value;
        const account = typeof watched === 'string' && isAddress(watched, { strict: false }) ? lowerAddress(watched) : null;
        if (!account) return; // v1 rows without an address have nothing to belong to.
        const follows = await tx.table<FollowRow, string>('follows').toArray();
        const lastSeen = await tx.table<LastSeenRowV1, string>('lastSeen').toArray();
        const rows = lastSeen.flatMap((seen): HoldingRow[] => {
          const follow = follows.find((f) => f.tokenId === seen.tokenId);
          if (!follow) return [];
          const values: HoldingValues = {
            balance: seen.balance,
            decimals: null,
            symbol: follow.symbol,
            name: follow.name,
            priceEthE18: seen.priceEthE18,
            ethUsdE18: null,
            valueWei: seen.valueWei,
            blockNumber: seen.blockNumber,
            blockTimestamp: Math.floor(seen.seenAt / 1000),
            fetchedAt: seen.seenAt,
          };
          return [{ account, tokenId: seen.tokenId, chainId: follow.chainId, latest: values, looked: values }];
        });
        await tx.table<HoldingRow>('holdings').bulkPut(rows);
      });
    // Version 3: signed votes and their receipts; nothing to migrate, the table is new.
    this.version(3).stores({ votes: 'id, proposalId, status, account, updatedAt' });
    // Version 4: income and liquidity: claims found per file content, LP entries for impermanent
    // loss, claim and reward transactions followed to their receipts. New tables only.
    this.version(4).stores({
      claimsCache: '[fileHash+account]',
      claimsFiles: 'url',
      lpEntries: '[account+pair], account',
      transactions: 'id, status, account, [tokenId+subject]',
      income: '[account+tokenId], account',
    });
    // Version 5: holder-only content unlocked on creator sites (one session per gate, kept until
    // its proof expires) and per-site choices such as a dismissed in-page companion. New tables.
    this.version(5).stores({
      unlockSessions: '[origin+gateId], origin, expiresAt',
      sitePrefs: 'origin',
    });
    // Version 6: alerts (what waits for the holder, what was notified once, the last run). What
    // the holder has already seen in the popup before alerts existed is not announced as new:
    // rounds shown as claimable and proposals voted on through the companion start as seen.
    this.version(6)
      .stores({ alerts: 'key, tokenId', alertsSeen: 'key, notifiedAt', alertRuns: 'id' })
      .upgrade(async (tx) => {
        const at = Date.now();
        const income = await tx.table<IncomeRow>('income').toArray();
        const votes = await tx.table<VoteRow>('votes').toArray();
        const keys = [
          ...income.flatMap((row) =>
            row.rounds.filter((r) => r.status === 'claimable').map((r) => alertKey('new-round', row.tokenId, r.id)),
          ),
          ...votes.filter((v) => v.status === 'submitted').map((v) => alertKey('new-proposal', v.tokenId, v.proposalId)),
        ];
        await tx.table<AlertSeenRow>('alertsSeen').bulkPut([...new Set(keys)].map((key) => ({ key, notifiedAt: at })));
      });
    // Version 7: signers recovered by verified tallies, so a re-check recovers only new votes.
    // A new table: nothing to migrate.
    this.version(7).stores({ voteSigners: 'key, proposalId, seenAt' });
    // Version 8: token lists the holder added by URL (cached copies) and the listed tokens found
    // in the holder's wallet. New tables only.
    this.version(8).stores({
      tokenLists: 'url',
      discoveries: '[account+tokenId], account',
    });
    // Version 9: redemptions of creators' offers (lib/offers), saved before any wallet opens and
    // moved on step by step. A new table: nothing to migrate.
    this.version(9).stores({ redemptions: 'id, status, [tokenId+account]' });
    // Version 10: recovered signers in rows of up to a thousand (writing one row per signer held
    // the service worker about a second per 10,000 votes). The signers of version 7's table are
    // copied over, in their proposals' rows; version 11 drops that table (Dexie reads a table in an
    // upgrade only if a later version deletes it).
    this.version(10)
      .stores({ voteSignerBatches: '++id, proposalId, seenAt' })
      .upgrade(async (tx) => {
        const rows = await tx.table<VoteSignerRow>('voteSigners').toArray();
        await tx.table<VoteSignerBatchRow>('voteSignerBatches').bulkAdd(signerBatchesFrom(rows));
      });
    this.version(11).stores({ voteSigners: null });
  }
}

/** Version 7's one-signer rows as rows of up to SIGNER_BATCH_SIZE signers per proposal, oldest first. */
export function signerBatchesFrom(rows: readonly VoteSignerRow[]): VoteSignerBatchRow[] {
  const batches: VoteSignerBatchRow[] = [];
  const open = new Map<string, VoteSignerBatchRow>();
  for (const row of [...rows].sort((a, b) => a.seenAt - b.seenAt)) {
    let batch = open.get(row.proposalId);
    if (!batch || batch.keys.length >= SIGNER_BATCH_SIZE) {
      batch = { proposalId: row.proposalId, keys: [], signers: [], seenAt: row.seenAt };
      open.set(row.proposalId, batch);
      batches.push(batch);
    }
    batch.keys.push(row.key);
    batch.signers.push(row.signer);
    batch.seenAt = row.seenAt;
  }
  return batches;
}

let shared: CompanionDatabase | null = null;

/** The database of this extension context (popup or background), opened on first use. */
export function database(): CompanionDatabase {
  shared ??= new CompanionDatabase();
  return shared;
}
