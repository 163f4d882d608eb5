import { storage } from 'wxt/utils/storage';
import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import { chainById } from '@/lib/chain/knownChains';
import { ensVerdict, type EnsVerdict } from '@/lib/detect/core/ensConfirmation';
import { parseTokenId } from '@/lib/protocol/caip19';
import { readSettings } from '@/lib/settings/settingsRepository';
import { ensDeployment } from './ensChain';
import { readEnsEvidence } from './readEnsEvidence';

/** A verdict is trusted for a day, then read again: an owner can move the name or the url record. */
export const ENS_RECHECK_MS = 24 * 60 * 60 * 1000;

/** The verdict, and the token's own name and symbol read with it (for the lookalike warnings). */
export interface EnsCheck {
  verdict: EnsVerdict;
  tokenName: string | null;
  tokenSymbol: string | null;
}
interface CachedVerdict extends EnsCheck {
  checkedAt: number;
}
const cacheItem = (tokenId: string, origin: string) => storage.defineItem<CachedVerdict>(`local:ens:${tokenId}|${origin}`);

/**
 * The ENS route for `tokenId` declared on `origin`, from the cache when read less than a day ago.
 * A failed read is not cached and says so: the token stays "declared" until the next visit.
 */
export async function checkEnsConfirmation(
  deps: Pick<BackgroundDeps, 'db' | 'clientFor'>,
  tokenId: string,
  origin: string,
  now = Date.now(),
): Promise<EnsCheck> {
  const item = cacheItem(tokenId, origin);
  const cached = await item.getValue();
  if (cached && now - cached.checkedAt < ENS_RECHECK_MS && now >= cached.checkedAt)
    return { verdict: cached.verdict, tokenName: cached.tokenName, tokenSymbol: cached.tokenSymbol };

  const { chainId, address } = parseTokenId(tokenId);
  const chain = chainById(chainId);
  if (!chain) return unread(`Chain ${chainId} cannot be read by this build, so the token's owner is unknown.`);
  const ens = ensDeployment();
  const { rpcUrls } = await readSettings(deps.db);
  let check: EnsCheck;
  try {
    const evidence = await readEnsEvidence(
      {
        token: deps.clientFor(chain, rpcUrls[chainId]),
        ens: deps.clientFor(ens.chain, rpcUrls[ens.chain.chainId]),
        registry: ens.registry,
      },
      address,
    );
    check = { verdict: ensVerdict(evidence, origin), tokenName: evidence.tokenName ?? null, tokenSymbol: evidence.tokenSymbol ?? null };
  } catch {
    return unread(`The ENS records could not be read from ${ens.chain.name} just now; the check runs again on your next visit.`);
  }
  await item.setValue({ ...check, checkedAt: now });
  return check;
}

const unread = (reason: string): EnsCheck => ({ verdict: { status: 'declared', reason, name: null }, tokenName: null, tokenSymbol: null });
