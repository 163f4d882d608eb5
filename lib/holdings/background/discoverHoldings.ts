import { knownChains } from '@/lib/chain/knownChains';
import type { ChainConfig } from '@/lib/chain/types';
import type { DiscoveryRow } from '@/lib/db/rows';
import { enabledListEntries } from '@/lib/lists/tokenListsRepository';
import { balancesOf } from './listedBalances';
import { formatTokenId } from '@/lib/protocol/caip19';
import { holdingsAccount, readSettings } from '@/lib/settings/settingsRepository';
import type { BackgroundDeps } from '../../app/background/backgroundDeps';
import { discoveryChunks, MAX_BALANCE_READS_PER_CALL } from '../core/discoveryPlan';
import { replaceDiscoveries } from '../discoveriesRepository';

export interface DiscoveryOutcome {
  /** Token ids the account holds (balance above zero), over every chain that answered. */
  held: string[];
  /** Per chain read: how many listed tokens were checked, or why it failed (earlier finds stay). */
  chains: { chainId: number; checked: number; error: string | null }[];
}

/**
 * Every creator token the holder owns, without an indexer: the account's balance of every token
 * in the enabled lists, on every chain this build reads, as one Multicall3 call per chain per
 * chunk of `MAX_BALANCE_READS_PER_CALL`, all chains and chunks at once. A token that does not
 * answer `balanceOf` (no contract, reverts) counts as not held. Finds are stored per chain; a
 * chain that fails keeps what it found before.
 */
export async function discoverHoldings(
  deps: Pick<BackgroundDeps, 'db' | 'clientFor'>,
  opts: { chains?: ChainConfig[]; chunkSize?: number; now?: number } = {},
): Promise<DiscoveryOutcome> {
  const { db } = deps;
  const settings = await readSettings(db);
  const account = holdingsAccount(settings);
  if (!account) return { held: [], chains: [] };
  const chains = opts.chains ?? knownChains();
  const listed = (await enabledListEntries(db)).map((token) => ({ ...token, chainId: token.entry.chainId, address: token.entry.address }));
  const plan = discoveryChunks(
    listed,
    chains.map((c) => c.chainId),
    opts.chunkSize ?? MAX_BALANCE_READS_PER_CALL,
  );
  const now = opts.now ?? Date.now();

  const outcomes = await Promise.all(
    chains.flatMap((chain) => {
      const chunks = plan.get(chain.chainId);
      if (!chunks) return [];
      const client = deps.clientFor(chain, settings.rpcUrls[chain.chainId]);
      return [
        (async () => {
          try {
            const balances = (await Promise.all(chunks.map((chunk) => balancesOf(client, chain, chunk, account)))).flat();
            const rows = balances.flatMap(({ token, balance }): DiscoveryRow[] =>
              balance > 0n
                ? [
                    {
                      account,
                      tokenId: formatTokenId(chain.chainId, token.entry.address),
                      chainId: chain.chainId,
                      balance: balance.toString(),
                      symbol: token.entry.symbol,
                      name: token.entry.name,
                      decimals: token.entry.decimals,
                      listName: token.listName,
                      domains: token.entry.extensions?.domains ?? [],
                      foundAt: now,
                    },
                  ]
                : [],
            );
            await replaceDiscoveries(db, account, chain.chainId, rows);
            return { chainId: chain.chainId, checked: balances.length, error: null, held: rows.map((r) => r.tokenId) };
          } catch (error) {
            const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
            return {
              chainId: chain.chainId,
              checked: 0,
              error: `Could not look for listed tokens on ${chain.name}: ${reason.slice(0, 160)}`,
              held: [],
            };
          }
        })(),
      ];
    }),
  );
  return { held: outcomes.flatMap((o) => o.held), chains: outcomes.map(({ chainId, checked, error }) => ({ chainId, checked, error })) };
}
