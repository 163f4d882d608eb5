import { BaseError, HttpRequestError, TimeoutError, type Address } from 'viem';
import { CHAIN_REQUEST_TIMEOUT_MS } from '@/lib/chain/createChainClient';
import { isChainEnabled } from '@/lib/chain/enabledChains';
import { chainById } from '@/lib/chain/knownChains';
import { readChainSnapshot } from '@/lib/chain/readChainSnapshot';
import { recordRefresh } from '@/lib/holdings/chainStatusRepository';
import { listFollows } from '@/lib/holdings/followsRepository';
import { NO_ACCOUNT, saveLatest } from '@/lib/holdings/holdingsRepository';
import { holdingsAccount, readSettings } from '@/lib/settings/settingsRepository';
import { resolvePrices } from '@/lib/holdings/core/resolvePrices';
import { toHoldingValues } from '@/lib/holdings/core/toHoldingValues';
import type { RefreshOutcome } from '@/lib/holdings/contract';
import { formatTokenId, parseTokenId } from '@/lib/protocol/caip19';
import type { BackgroundDeps } from '../../app/background/backgroundDeps';
import { prepareIncomeRefresh, storeIncome } from '../../income/background/refreshIncome';

/**
 * Reads every followed token (plus `extraTokenIds`, e.g. the creator of the open tab) from the
 * chain: one multicall per chain, all chains at once, results written to IndexedDB, where the
 * popup's live queries pick them up.
 */
export async function refreshHoldings(deps: Pick<BackgroundDeps, 'db' | 'clientFor'>, extraTokenIds: string[]): Promise<RefreshOutcome> {
  const { db } = deps;
  const [settings, follows] = await Promise.all([readSettings(db), listFollows(db)]);
  const account = holdingsAccount(settings);
  const byChain = new Map<number, Address[]>();
  for (const tokenId of new Set([...follows.map((f) => f.tokenId), ...extraTokenIds])) {
    const { chainId, address } = parseTokenId(tokenId);
    byChain.set(chainId, [...(byChain.get(chainId) ?? []), address]);
  }

  const chains = await Promise.all(
    [...byChain].map(async ([chainId, tokens]) => {
      const chain = chainById(chainId);
      if (!chain) return { chainId, chainName: `Chain ${chainId}`, blockNumber: null, error: 'This chain is not supported.' };
      if (!isChainEnabled(settings, chainId)) {
        return {
          chainId,
          chainName: chain.name,
          blockNumber: null,
          error: `${chain.name} is turned off in settings; turn it on to read it.`,
        };
      }
      try {
        return await withinDeadline(REFRESH_DEADLINE_MS, async () => {
          // Claims files come from the creators' sites first (HTTP, cached by content hash), so that
          // income and liquidity reads ride in the same multicall as balances and prices.
          const client = deps.clientFor(chain, settings.rpcUrls[chainId]);
          const income = await prepareIncomeRefresh(db, follows, chain, account);
          const snapshot = await readChainSnapshot(client, chain, tokens, account, 'multicall', income.plan);
          const fetchedAt = Date.now();
          if (account) await storeIncome(db, client, chain, account, income, snapshot, fetchedAt);
          const meta = new Map(snapshot.tokens.map((t) => [t.address.toLowerCase(), { symbol: t.symbol, decimals: t.decimals }]));
          const prices = resolvePrices(chain, snapshot.pools, meta, settings.minPoolDepthUsd);
          const readings = snapshot.tokens.flatMap((reading) => {
            const values = toHoldingValues(snapshot, reading, fetchedAt, prices);
            return values ? [{ tokenId: formatTokenId(chainId, reading.address), chainId, values }] : [];
          });
          await saveLatest(db, account ?? NO_ACCOUNT, readings);
          await recordRefresh(db, chainId, null, fetchedAt);
          return { chainId, chainName: chain.name, blockNumber: snapshot.blockNumber.toString(), error: null };
        });
      } catch (error) {
        const message = `Could not reach ${chain.name}: ${shortReason(error)}. Showing the last values read.`;
        await recordRefresh(db, chainId, message);
        return { chainId, chainName: chain.name, blockNumber: null, error: message };
      }
    }),
  );
  return { chains };
}

/**
 * However the endpoints misbehave, a chain's refresh ends by this time, so the popup labels it
 * stale and Refresh can be pressed again. Work still in flight may land later; it is real data.
 */
export const REFRESH_DEADLINE_MS = 10_000;

class DeadlineError extends Error {}

function withinDeadline<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work(), deadline]).finally(() => clearTimeout(timer));
}

function shortReason(error: unknown): string {
  if (error instanceof DeadlineError) return error.message;
  // The transport's own error may sit deep in the cause chain (multicall wraps it per read).
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) {
    if (e instanceof HttpRequestError && e.status === 429) {
      return 'the RPC endpoint is limiting requests (HTTP 429); try again later or add another endpoint in Settings';
    }
    if (e instanceof TimeoutError) return `the RPC endpoint did not answer within ${CHAIN_REQUEST_TIMEOUT_MS / 1000} s`;
  }
  const text = error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 160);
}
