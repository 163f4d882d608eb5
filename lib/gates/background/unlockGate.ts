import { getAddress, isAddress, isHex, stringToHex, type Address } from 'viem';
import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import { saveSitePrefs } from '@/lib/gates/sitePrefsRepository';
import { saveUnlockSession } from '@/lib/gates/unlockSessionsRepository';
import { GateEndpointError, fetchGateNonce, postGateUnlock } from '@/lib/gates/core/gateEndpoint';
import { gateProofFields } from '@/lib/gates/core/gateProof';
import { ALLOW_LOCALHOST, safeUnlockedLink } from '@/lib/gates/core/unlockedLink';
import type { UnlockOutcome } from '@/lib/gates/contract';
import { buildSiweMessage, checkSiweOrigin, verifySiweMessage } from '@/lib/gates/core/siwe';
import { shortAddress } from '@/lib/format/format';
import { UserFacingError } from '../../app/userFacingError';
import { lockedView, unlockedView } from './gateViews';
import { findGate, type PageContext } from './pageContext';
import { pickPageWallet } from './pickPageWallet';
import { amountText, minimumText, readTokenBalances } from './tokenReads';

/**
 * One click on "Unlock": the page's wallet (picked by the holder if the page offers several) names the account, the balance is checked before
 * anything is signed, the creator's server gives a nonce, the extension builds the
 * Sign-In-with-Ethereum message from the tab's real origin, the page's wallet signs it, the
 * signature is checked here, and only then is the proof sent for the content, which is kept
 * until the proof expires.
 */
export type UnlockDeps = Pick<BackgroundDeps, 'db' | 'clientFor' | 'pageWallet'>;

export async function unlockGate(deps: UnlockDeps, page: PageContext, gateId: string, pickedWallet: string | null): Promise<UnlockOutcome> {
  const gate = findGate(page, gateId);
  const site = checkSiweOrigin(page.origin, { allowLocalhost: ALLOW_LOCALHOST });
  if (!site.ok) throw new UserFacingError(`Unlocking is not possible here: ${site.reason}`);
  const endpoint = checkSiweOrigin(new URL(gate.endpoint).origin, { allowLocalhost: ALLOW_LOCALHOST });
  if (!endpoint.ok) throw new UserFacingError(`This gate's endpoint cannot be used: ${endpoint.reason}`);

  const pick = await pickPageWallet(deps, page, pickedWallet);
  if ('choices' in pick) return { kind: 'choose-wallet', wallets: pick.choices };
  const { wallet } = pick;
  const address = await pageAccount(deps, page, wallet.uuid);
  const token = await readTokenBalances(deps, page.state.tokenId, [address]).catch((error: unknown) => {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(
      `Could not read ${shortAddress(address)}'s balance from ${page.state.chainName}. Nothing was signed; try again.`,
    );
  });
  const minBalance = BigInt(gate.minBalance);
  const requirement = minimumText(minBalance, token);
  const balance = token.balances.get(address) ?? 0n;
  if (balance < minBalance) {
    return {
      kind: 'view',
      view: lockedView(
        gate,
        requirement,
        `You need ${requirement} to unlock this; ${shortAddress(address)} holds ${amountText(balance, token)}.`,
      ),
    };
  }

  const nonce = await askCreatorServer(() => fetchGateNonce(gate.endpoint));
  const signedAt = new Date();
  const proof = gateProofFields({
    domain: site.domain,
    uri: site.uri,
    address,
    chainId: page.state.chainId,
    nonce,
    gate,
    requirement,
    now: signedAt,
  });
  const message = buildSiweMessage(proof);
  const signature = await deps.pageWallet.request(page, wallet.uuid, 'personal_sign', [stringToHex(message), address]);
  if (typeof signature !== 'string' || !isHex(signature))
    throw new UserFacingError('The wallet did not return a signature. Nothing was sent.');
  try {
    await verifySiweMessage({
      message,
      signature,
      expected: { domain: site.domain, nonce, address, chainId: page.state.chainId, uri: site.uri, time: new Date() },
    });
  } catch {
    throw new UserFacingError(
      `The signature is not ${shortAddress(address)}'s signature of the proof the companion built. Nothing was sent.`,
    );
  }

  const unlocked = await askCreatorServer(() => postGateUnlock(gate.endpoint, { gate: gate.id, message, signature }));
  if (unlocked.kind !== gate.kind)
    throw new UserFacingError(`The creator's site sent a ${unlocked.kind} for a ${gate.kind} gate. Nothing is shown.`);
  if (gate.kind === 'link' && !safeUnlockedLink(unlocked.content, ALLOW_LOCALHOST)) {
    throw new UserFacingError("The creator's site sent a link the companion will not open (only https links). Nothing is shown.");
  }
  const expiresAt = Date.parse(proof.expirationTime);
  await saveUnlockSession(deps.db, {
    origin: page.origin,
    gateId: gate.id,
    tokenId: page.state.tokenId,
    address,
    kind: gate.kind,
    title: gate.title,
    content: unlocked.content,
    minBalance: gate.minBalance,
    unlockedAt: signedAt.getTime(),
    expiresAt,
  });
  if (pick.remember) await saveSitePrefs(deps.db, page.origin, { walletRdns: wallet.rdns });
  return { kind: 'view', view: unlockedView(gate, requirement, { content: unlocked.content, address, expiresAt }, null) };
}

/** The account the page's wallet signs with (it may ask the holder to connect this site first). */
async function pageAccount(deps: Pick<BackgroundDeps, 'pageWallet'>, page: PageContext, walletUuid: string): Promise<Address> {
  const result = await deps.pageWallet.request(page, walletUuid, 'eth_requestAccounts', []);
  const first = Array.isArray(result) ? result[0] : undefined;
  if (typeof first !== 'string' || !isAddress(first, { strict: false }))
    throw new UserFacingError('The wallet on this page shared no account. Nothing was signed.');
  return getAddress(first);
}

/** Runs a call to the creator's server, turning its refusals into messages for the holder. */
async function askCreatorServer<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GateEndpointError) throw new UserFacingError(error.message);
    throw error;
  }
}
