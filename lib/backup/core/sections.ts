import '@/lib/protocol/zodNoEval';
import { z } from 'zod';
import { isAddress, isHex, type Address, type Hex } from 'viem';
import { alertPrefsInput } from '@/lib/alerts/contract';
import { manifestSchema } from '@/lib/protocol/manifestSchema';
import { TOKEN_ID_PATTERN } from '@/lib/protocol/fields';
import type { FollowRow, RedemptionRow, SitePrefsRow, TokenListRow } from '@/lib/db/rows';

// What a backup holds, one small section per table. Adding a table to backups is one more entry
// in BACKUP_SECTIONS: its row schema in the file, which rows leave the browser, the key that
// tells "already here", and how a row already here takes what the file knows (it never loses a
// field it has). A section the file lacks is simply empty: files from before a section existed
// still import, and the file's version stays 1 while sections are only added.

/** How one row of the file meets the row already here with the same key. */
export type MergeRule =
  /** The row here wins whole; the file's row is added only when the key is new. */
  | 'keep-existing'
  /** The row here wins field by field; fields it lacks (null or absent) are taken from the file. */
  | 'fill-missing-fields';

export interface SectionDef<Row, FileRow> {
  /** Key in the file's `data`, and the Dexie table it reads and writes. */
  name: string;
  table: string;
  /** For the preview: "2 follows", "1 token list". */
  noun: [singular: string, plural: string];
  fileRow: z.ZodType<FileRow>;
  maxRows: number;
  /**
   * The part of a stored row that goes into the file, before it is checked against `fileRow`;
   * null keeps the row out (e.g. the connected wallet). Default: the row as stored.
   */
  fromRow?(stored: unknown): unknown;
  /** Whether a checked row leaves the browser (e.g. only settled votes). Default: all. */
  keep?(row: FileRow): boolean;
  /** The stored row an imported one becomes. */
  toRow(fileRow: FileRow): Row;
  keyOf(row: FileRow): string;
  merge: MergeRule;
}

/** A section with its row types erased, so sections of different tables sit in one list. */
export interface BackupSection {
  name: string;
  table: string;
  noun: [string, string];
  /** The file's array for this section (validated, capped). */
  fileRows: z.ZodType<unknown[]>;
  /** Stored rows as they go into the file; rows that do not fit the schema are left out and counted. */
  exportRows(stored: unknown[]): { rows: unknown[]; skipped: number };
  /** The keys of the file's rows (already validated), for reading what is here. */
  keysOf(fileRows: unknown[]): string[];
  /**
   * What an import writes: for each file row, the row here with the same key (or undefined).
   * Rows that change nothing are not written. Duplicate keys in the file: the first one counts.
   */
  plan(fileRows: unknown[], existing: (unknown | undefined)[]): SectionPlan;
}

export interface SectionPlan {
  puts: unknown[];
  added: number;
  merged: number;
  kept: number;
}

export function defineSection<Row, FileRow>(def: SectionDef<Row, FileRow>): BackupSection {
  const parseRow = (row: unknown): FileRow | null => {
    const parsed = def.fileRow.safeParse(row);
    return parsed.success ? parsed.data : null;
  };
  const parseAll = (rows: unknown[]): FileRow[] => rows.flatMap((row) => parseRow(row) ?? []);
  return {
    name: def.name,
    table: def.table,
    noun: def.noun,
    fileRows: z.array(def.fileRow).max(def.maxRows, `at most ${def.maxRows.toLocaleString('en-US')} ${def.noun[1]}`),
    exportRows(stored) {
      let skipped = 0;
      const rows = stored.flatMap((row) => {
        const picked = def.fromRow ? def.fromRow(row) : row;
        if (picked === null) return [];
        const parsed = parseRow(picked);
        if (!parsed) {
          skipped += 1;
          return [];
        }
        return def.keep && !def.keep(parsed) ? [] : [parsed];
      });
      return { rows, skipped };
    },
    keysOf: (fileRows) => parseAll(fileRows).map(def.keyOf),
    plan(fileRows, existing) {
      const plan: SectionPlan = { puts: [], added: 0, merged: 0, kept: 0 };
      const seen = new Set<string>();
      parseAll(fileRows).forEach((incoming, i) => {
        const key = def.keyOf(incoming);
        if (seen.has(key)) return;
        seen.add(key);
        const here = existing[i];
        if (here === undefined || here === null) {
          plan.puts.push(def.toRow(incoming));
          plan.added += 1;
          return;
        }
        const filled = def.merge === 'fill-missing-fields' ? fillMissingFields(here, def.toRow(incoming)) : null;
        if (filled) {
          plan.puts.push(filled);
          plan.merged += 1;
        } else plan.kept += 1;
      });
      return plan;
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The row here, with each field it lacks (null or absent) taken from the file's row; null when
 * there is nothing to take. Fields the row here has are never changed.
 */
export function fillMissingFields(here: unknown, incoming: unknown): Record<string, unknown> | null {
  if (!isRecord(here) || !isRecord(incoming)) return null;
  const filled: Record<string, unknown> = { ...here };
  let changed = false;
  for (const [field, value] of Object.entries(incoming)) {
    if ((here[field] === null || here[field] === undefined) && value !== null && value !== undefined) {
      filled[field] = value;
      changed = true;
    }
  }
  return changed ? filled : null;
}

// Field schemas. Lengths are generous caps, not rules: the file is the holder's own, but it is
// still a file from outside and must not be able to store anything odd.
const address = z.custom<Address>((v) => typeof v === 'string' && isAddress(v, { strict: false }), 'an Ethereum address');
const hex = z.custom<Hex>((v) => typeof v === 'string' && v.length <= 100_000 && isHex(v), 'hex data');
const tokenId = z.string().regex(new RegExp(`${TOKEN_ID_PATTERN}$`), 'a CAIP-19 token id');
const time = z.number().int().nonnegative();
const short = (max = 200) => z.string().max(max);
const origin = z
  .string()
  .max(300)
  .refine((s) => URL.canParse(s) && new URL(s).origin === s, 'a site origin such as https://alex.example');
const json = z.json();

const followRow = z.strictObject({
  tokenId,
  chainId: z.number().int().positive(),
  address,
  symbol: short().nullable(),
  name: short().nullable(),
  creatorName: short().nullable(),
  siteOrigin: origin.nullable(),
  confirmation: z.enum(['confirmed', 'declared']),
  manifest: manifestSchema.nullable(),
  followedAt: time,
}) satisfies z.ZodType<FollowRow>;

/** An added list travels as its address and choice only: its tokens are fetched again after import. */
const tokenListFileRow = z.strictObject({
  url: z.string().max(2048),
  enabled: z.boolean(),
  addedAt: time,
});

const settingRow = z.discriminatedUnion('key', [
  z.strictObject({ key: z.literal('watchAddress'), value: address.nullable() }),
  z.strictObject({ key: z.literal('rpcUrls'), value: z.record(z.string().regex(/^\d{1,12}$/), z.array(z.url().max(2048)).max(5)) }),
  z.strictObject({ key: z.literal('disabledChains'), value: z.array(z.number().int().positive()).max(100) }),
  z.strictObject({ key: z.literal('minPoolDepthUsd'), value: z.number().finite().min(0).max(1_000_000_000) }),
  z.strictObject({ key: z.literal('currency'), value: z.enum(['USD', 'ETH']) }),
  z.strictObject({ key: z.literal('alerts'), value: alertPrefsInput }),
  z.strictObject({ key: z.literal('openIn'), value: z.enum(['popup', 'panel']) }),
]);

const sitePrefsRow = z.strictObject({
  origin,
  companionDismissed: z.boolean(),
  walletRdns: short().optional(),
}) satisfies z.ZodType<SitePrefsRow>;

/** Votes and transactions are history: kept as they were, only once settled. */
const voteRow = z.strictObject({
  id: short(),
  tokenId,
  hub: z.string().max(2048),
  space: short(),
  proposalId: short(),
  proposalTitle: short(1000),
  account: address,
  choice: z.union([z.number(), z.array(z.number()).max(1000), z.record(z.string().max(10), z.number())]),
  choiceLabel: short(5000),
  typedData: z.record(z.string().max(100), json),
  signature: hex.nullable(),
  receipt: short(1000).nullable(),
  status: z.enum(['awaiting-signature', 'signed', 'submitting', 'submitted', 'cancelled', 'failed']),
  error: short(2000).nullable(),
  createdAt: time,
  updatedAt: time,
});

const transactionRow = z.strictObject({
  id: short(),
  kind: z.enum(['claim', 'collect-rewards', 'claim-all', 'redeem']),
  tokenId: z.string().max(200),
  chainId: z.number().int().positive(),
  subject: short(20_000),
  label: short(1000),
  account: address,
  to: address,
  data: hex,
  hash: hex.nullable(),
  nonce: z.number().int().nonnegative().optional(),
  status: z.enum(['awaiting-signature', 'pending', 'confirmed', 'failed', 'cancelled']),
  error: short(2000).nullable(),
  createdAt: time,
  updatedAt: time,
});

const alertSeenRow = z.strictObject({ key: short(1000), notifiedAt: time });

/** A redemption is a payment made and, once booked, the creator's reference: history to keep. */
const redemptionRow = z.strictObject({
  id: short(),
  tokenId,
  chainId: z.number().int().positive(),
  origin,
  offerId: short(),
  offerTitle: short(1000),
  price: z.string().regex(/^\d{1,78}$/, 'a whole number of base units'),
  recipient: address,
  endpoint: z.string().max(2048),
  symbol: short(),
  decimals: z.number().int().min(0).max(255),
  account: address,
  message: short(10_000).nullable(),
  signature: hex.nullable(),
  transactionId: short().nullable(),
  hash: hex.nullable(),
  reference: short(1000).nullable(),
  status: z.enum(['proving', 'paying', 'booking', 'booked', 'booking-failed', 'failed', 'cancelled']),
  error: short(2000).nullable(),
  createdAt: time,
  updatedAt: time,
}) satisfies z.ZodType<RedemptionRow>;

const same = <T>(row: T): T => row;

/** Every table a backup carries, in the order the preview lists them. */
export const BACKUP_SECTIONS: BackupSection[] = [
  defineSection({
    name: 'follows',
    table: 'follows',
    noun: ['follow', 'follows'],
    fileRow: followRow,
    maxRows: 5_000,
    toRow: same,
    keyOf: (row) => row.tokenId,
    merge: 'fill-missing-fields',
  }),
  defineSection({
    name: 'tokenLists',
    table: 'tokenLists',
    noun: ['token list', 'token lists'],
    fileRow: tokenListFileRow,
    maxRows: 200,
    fromRow: (row) => (isRecord(row) ? { url: row.url, enabled: row.enabled, addedAt: row.addedAt } : row),
    // No copy of the list yet: it is due at once and fetched again, checked like any added list.
    toRow: (row): TokenListRow => ({ ...row, list: null, fetchedAt: null, lastAttemptAt: 0, error: null }),
    keyOf: (row) => row.url,
    merge: 'keep-existing',
  }),
  defineSection({
    name: 'settings',
    table: 'settings',
    noun: ['setting', 'settings'],
    // The connected wallet is not a choice to carry over: the other browser connects its own.
    fileRow: settingRow,
    maxRows: 50,
    fromRow: (row) => (isRecord(row) && row.key === 'wallet' ? null : row),
    toRow: same,
    keyOf: (row) => row.key,
    merge: 'keep-existing',
  }),
  defineSection({
    name: 'sitePrefs',
    table: 'sitePrefs',
    noun: ['site choice', 'site choices'],
    fileRow: sitePrefsRow,
    maxRows: 10_000,
    toRow: same,
    keyOf: (row) => row.origin,
    merge: 'fill-missing-fields',
  }),
  defineSection({
    name: 'votes',
    table: 'votes',
    noun: ['recorded vote', 'recorded votes'],
    fileRow: voteRow,
    maxRows: 10_000,
    keep: (row) => row.status === 'submitted',
    toRow: same,
    keyOf: (row) => row.id,
    merge: 'keep-existing',
  }),
  defineSection({
    name: 'transactions',
    table: 'transactions',
    noun: ['claim or collection', 'claims and collections'],
    fileRow: transactionRow,
    maxRows: 10_000,
    keep: (row) => row.status === 'confirmed' || row.status === 'failed',
    toRow: same,
    keyOf: (row) => row.id,
    merge: 'keep-existing',
  }),
  defineSection({
    name: 'redemptions',
    table: 'redemptions',
    noun: ['redemption', 'redemptions'],
    fileRow: redemptionRow,
    maxRows: 10_000,
    // Settled ones only: one still in flight is finished by the browser that started it.
    keep: (row) => row.status === 'booked' || row.status === 'booking-failed' || row.status === 'failed',
    toRow: same,
    keyOf: (row) => row.id,
    merge: 'keep-existing',
  }),
  defineSection({
    name: 'alertsSeen',
    table: 'alertsSeen',
    noun: ['alert already seen', 'alerts already seen'],
    fileRow: alertSeenRow,
    maxRows: 50_000,
    toRow: same,
    keyOf: (row) => row.key,
    merge: 'keep-existing',
  }),
];
