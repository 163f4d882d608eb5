import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import type { PageWalletChoice } from '@/lib/gates/contract';
import { sitePrefsOf } from '@/lib/gates/sitePrefsRepository';
import { UserFacingError } from '../../app/userFacingError';
import type { PageTarget } from './pageWalletBridge';

/**
 * Which of the page's wallets signs: the one the holder just picked, the only one, or the one
 * they picked on this site before when it is there exactly once. Otherwise the holder chooses:
 * a page can announce wallets of its own, and only the holder knows which is theirs. `remember`
 * says a pick among several was made: the caller saves it once the wallet proved itself.
 */
export async function pickPageWallet(
  deps: Pick<BackgroundDeps, 'db' | 'pageWallet'>,
  page: PageTarget,
  pickedUuid: string | null,
): Promise<{ wallet: PageWalletChoice; remember: boolean } | { choices: PageWalletChoice[] }> {
  // Deduplicated here as well: the in-page lookup runs where the page can tamper with built-ins.
  const wallets = uniqueByUuid(await deps.pageWallet.list(page));
  if (pickedUuid) {
    const picked = wallets.find((w) => w.uuid === pickedUuid);
    if (!picked) throw new UserFacingError('That wallet is no longer on this page. Try again.');
    return { wallet: picked, remember: wallets.length > 1 };
  }
  const [only, ...others] = wallets;
  if (only && others.length === 0) return { wallet: only, remember: false };
  const remembered = (await sitePrefsOf(deps.db, page.origin))?.walletRdns;
  const [match, ...moreMatches] = remembered ? wallets.filter((w) => w.rdns === remembered) : [];
  return match && moreMatches.length === 0 ? { wallet: match, remember: false } : { choices: wallets };
}

function uniqueByUuid(wallets: PageWalletChoice[]): PageWalletChoice[] {
  const seen = new Set<string>();
  return wallets.filter((w) => !seen.has(w.uuid) && Boolean(seen.add(w.uuid)));
}
