import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Address } from 'viem';
import { DEVNET_A } from '@/lib/chain/devnet';
import { createChainClient } from '@/lib/chain/createChainClient';
import { chainById } from '@/lib/chain/knownChains';
import { ensVerdict, type EnsVerdict } from '@/lib/detect/core/ensConfirmation';
import { DEVNET_ENS } from '@/lib/detect/core/ensDevnet';
import { readEnsEvidence } from '@/lib/detect/background/readEnsEvidence';
import { checkEnsConfirmation, ENS_RECHECK_MS } from '@/lib/detect/background/ensConfirmation';
import { formatTokenId } from '@/lib/protocol/caip19';
import { CompanionDatabase } from '@/lib/db/database';
import { ANVIL_ACCOUNTS } from '../devnet/accounts';
import { devnetClient } from '../devnet/client';
import { ALEX_ENS, deployOwnedToken, nameTxs, reverseTxs, sendAsEnsDeployer } from '../devnet/deployEns';
import { startDevnet, type Devnet } from '../devnet/devnet';

// The ENS rule against the real ENSRegistry and PublicResolver on the devnet: every way a token
// can fail to be confirmed leaves it "declared", with the reason the popup shows.

let devnet: Devnet;
let verdictFor: (token: Address, origin: string) => Promise<EnsVerdict>;
let clientA: ReturnType<typeof createChainClient>;
const ALEX_SITE = 'http://localhost:4101';
const account = (i: number) => ANVIL_ACCOUNTS[i]!.address as Address;

/** Deploys an Ownable token owned by `owner` from the ENS deployer; its address. */
async function ownedToken(owner: Address, extra: Parameters<typeof sendAsEnsDeployer>[1] = []): Promise<Address> {
  const [receipt] = await sendAsEnsDeployer(devnetClient(devnet.chains[0].rpcUrl), [
    { label: 'deploy owned token', data: deployOwnedToken('Test Coin', 'TEST', owner) },
    ...extra,
  ]);
  return receipt!.contractAddress!;
}

beforeAll(async () => {
  devnet = await startDevnet({ portA: 18845, portB: 18846 });
  const chainA = { ...chainById(DEVNET_A.chainId)!, rpcUrls: [devnet.chains[0].rpcUrl] };
  clientA = createChainClient(chainA);
  verdictFor = async (token, origin) =>
    ensVerdict(await readEnsEvidence({ token: clientA, ens: clientA, registry: DEVNET_ENS.registry }, token), origin);
});
afterAll(() => devnet?.stop());

describe('the ENS route on the devnet', () => {
  test("Alex's coin on Alex's site: owner, reverse record, forward match and url all agree", async () => {
    expect(await verdictFor(DEVNET_ENS.alexCoin, ALEX_SITE)).toMatchObject({
      status: 'confirmed',
      name: 'alex.eth',
      owner: ALEX_ENS.owner,
    });
  });

  test('no owner: a token without owner() or payoutRecipient() stays declared', async () => {
    expect(await verdictFor(DEVNET_ENS.noOwnerToken, ALEX_SITE)).toEqual({
      status: 'declared',
      name: null,
      reason: 'The token contract names no owner (no owner() or payoutRecipient()), so it cannot be confirmed on chain.',
    });
  });

  test('no reverse record: the owner has no ENS primary name', async () => {
    const token = await ownedToken(account(5));
    expect(await verdictFor(token, ALEX_SITE)).toEqual({
      status: 'declared',
      name: null,
      reason: `The token's owner ${account(5)} has no ENS primary name (reverse record).`,
    });
  });

  test('reverse without forward match: anyone may claim alex.eth in their own reverse record', async () => {
    const token = await ownedToken(account(6), reverseTxs(account(6), 'alex.eth'));
    expect(await verdictFor(token, ALEX_SITE)).toEqual({
      status: 'declared',
      name: 'alex.eth',
      reason: `The token's owner claims the ENS name alex.eth, but alex.eth points to ${ALEX_ENS.owner}: the name is not the owner's.`,
    });
  });

  test("url on another origin: the lookalike's name points at Alex's site, not at the lookalike's", async () => {
    expect(await verdictFor(DEVNET_ENS.lookalikeToken, 'http://localhost:4103')).toEqual({
      status: 'declared',
      name: 'alexmasmej.eth',
      reason: `alexmasmej.eth's url record is "http://localhost:4101": it names another site (http://localhost:4101), not this one (http://localhost:4103).`,
    });
  });

  test('url with a path: the record must be the bare origin', async () => {
    const token = await ownedToken(account(7), [
      ...nameTxs('pathy.eth', account(7), `${ALEX_SITE}/about`),
      ...reverseTxs(account(7), 'pathy.eth'),
    ]);
    expect(await verdictFor(token, ALEX_SITE)).toMatchObject({
      status: 'declared',
      name: 'pathy.eth',
      reason: expect.stringMatching(/^pathy\.eth's url record is "http:\/\/localhost:4101\/about": it has a path/),
    });
    expect(await verdictFor(token, ALEX_SITE)).not.toHaveProperty('status', 'confirmed');
  });

  test('http vs https: a record naming http:// does not confirm the https:// site', async () => {
    expect(await verdictFor(DEVNET_ENS.alexCoin, 'https://localhost:4101')).toEqual({
      status: 'declared',
      name: 'alex.eth',
      reason: `alex.eth's url record is "http://localhost:4101": it names http:// but this site is https://; it must be exactly https://localhost:4101.`,
    });
  });

  test('a name with no url record, and one whose url record was removed', async () => {
    const token = await ownedToken(account(8), [...nameTxs('nourl.eth', account(8), null), ...reverseTxs(account(8), 'nourl.eth')]);
    expect(await verdictFor(token, ALEX_SITE)).toMatchObject({
      status: 'declared',
      reason: 'nourl.eth has no url text record naming this site (http://localhost:4101).',
    });
  });
});

describe('checkEnsConfirmation: cached with its block, read again after a day', () => {
  beforeEach(() => fakeBrowser.reset());

  test('the verdict is cached for a day, then read again from the chain', async () => {
    const db = new CompanionDatabase(`ens-${Math.random()}`);
    let reads = 0;
    const deps = {
      db,
      clientFor: () => {
        reads++;
        return clientA;
      },
    };
    const tokenId = formatTokenId(DEVNET_A.chainId, DEVNET_ENS.alexCoin);
    const first = (await checkEnsConfirmation(deps, tokenId, ALEX_SITE, 1_000)).verdict;
    expect(first).toMatchObject({ status: 'confirmed', name: 'alex.eth' });
    const readsAfterFirst = reads;
    expect(await checkEnsConfirmation(deps, tokenId, ALEX_SITE, 1_000 + ENS_RECHECK_MS - 1)).toEqual({
      verdict: first,
      tokenName: 'Alex Masmej Coin',
      tokenSymbol: 'MASMEJ',
    });
    expect(reads).toBe(readsAfterFirst);
    // The owner moves the url elsewhere: the next daily check sees it.
    await sendAsEnsDeployer(devnetClient(devnet.chains[0].rpcUrl), nameTxs('alex.eth', ALEX_ENS.owner, 'https://alex.example').slice(2));
    const later = (await checkEnsConfirmation(deps, tokenId, ALEX_SITE, 1_000 + ENS_RECHECK_MS)).verdict;
    expect(reads).toBeGreaterThan(readsAfterFirst);
    expect(later).toMatchObject({
      status: 'declared',
      name: 'alex.eth',
      reason: expect.stringContaining('another site (https://alex.example)'),
    });
    expect(BigInt((first as { blockNumber: string }).blockNumber)).toBeGreaterThan(0n);
    await sendAsEnsDeployer(devnetClient(devnet.chains[0].rpcUrl), nameTxs('alex.eth', ALEX_ENS.owner, ALEX_ENS.url).slice(2));
  });
});
