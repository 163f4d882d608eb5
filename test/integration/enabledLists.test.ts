import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Address } from 'viem';
import { DEVNET_A } from '@/lib/chain/devnet';
import { createChainClient } from '@/lib/chain/createChainClient';
import { chainById } from '@/lib/chain/knownChains';
import { CompanionDatabase } from '@/lib/db/database';
import { resolveDeclaration } from '@/lib/detect/background/resolveDeclaration';
import { onChainFindings } from '@/lib/detect/background/onChainFindings';
import { DECLARATION_MESSAGE, type DeclarationMessage } from '@/lib/detect/declarationMessage';
import { parseTokenList, type TokenList } from '@/lib/detect/core/tokenListSchema';
import { listedEntryForUrl } from '@/lib/detect/core/listedSite';
import { enabledTokenList, saveAddedList, setListEnabled } from '@/lib/lists/tokenListsRepository';
import { formatTokenId } from '@/lib/protocol/caip19';
import { ANVIL_ACCOUNTS } from '../devnet/accounts';
import { devnetClient } from '../devnet/client';
import { deployOwnedToken, sendAsEnsDeployer } from '../devnet/deployEns';
import { startDevnet, type Devnet } from '../devnet/devnet';

// Every enabled list decides, not only the shipped one: a creator listed only in a list the
// holder added is confirmed on its site, recognised there without tags, and protected by the
// lookalike warnings; once the holder disables that list, it counts for nothing. Real tokens on
// the devnet, the real ENS check (which finds no ENS link for these tokens).

const ADDED = 'https://lists.example/olga.json';
const OLGA_SITE = 'https://olga.example';
let devnet: Devnet;
let clientA: ReturnType<typeof createChainClient>;
let olga: Address;
let copy: Address;

async function deploy(name: string, symbol: string): Promise<Address> {
  const [receipt] = await sendAsEnsDeployer(devnetClient(devnet.chains[0].rpcUrl), [
    { label: `deploy ${symbol}`, data: deployOwnedToken(name, symbol, ANVIL_ACCOUNTS[9]!.address as Address) },
  ]);
  return receipt!.contractAddress!;
}

function addedList(token: Address): TokenList {
  const parsed = parseTokenList({
    name: 'Olga fans',
    timestamp: '2025-01-01T00:00:00.000Z',
    version: { major: 1, minor: 0, patch: 0 },
    tokens: [
      {
        chainId: DEVNET_A.chainId,
        address: token,
        name: 'Olga Coin',
        symbol: 'OLGA',
        decimals: 18,
        extensions: { domains: ['olga.example'] },
      },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.list;
}

const declare = (token: Address): DeclarationMessage => ({
  kind: DECLARATION_MESSAGE,
  token: formatTokenId(DEVNET_A.chainId, token),
  pageError: null,
  manifest: null,
});

beforeAll(async () => {
  devnet = await startDevnet({ portA: 18945, portB: 18946 });
  clientA = createChainClient({ ...chainById(DEVNET_A.chainId)!, rpcUrls: [devnet.chains[0].rpcUrl] });
  olga = await deploy('Olga Coin', 'OLGA');
  copy = await deploy('Olga Coin', 'OLGA');
});
afterAll(() => devnet?.stop());
beforeEach(() => fakeBrowser.reset());

describe('a list the holder added counts like the shipped one, while it is enabled', () => {
  test('confirmation: a token listed only in the added list is confirmed on its site; disabled, it is only declared', async () => {
    const db = new CompanionDatabase(`enabled-lists-${Math.random()}`);
    expect(resolveDeclaration(declare(olga), OLGA_SITE, await enabledTokenList(db))).toMatchObject({ confirmation: 'declared' });

    await saveAddedList(db, ADDED, addedList(olga), 1);
    const list = await enabledTokenList(db);
    expect(resolveDeclaration(declare(olga), OLGA_SITE, list)).toMatchObject({ status: 'detected', confirmation: 'confirmed' });
    expect(resolveDeclaration(declare(olga), 'https://olga.example.evil.io', list)).toMatchObject({ confirmation: 'declared' });
    // Recognised without tags on its site, like a creator of the shipped list.
    expect(listedEntryForUrl(list, `${OLGA_SITE}/about`)).toMatchObject({ symbol: 'OLGA' });
    // Alex, from the shipped list, is still confirmed beside it.
    expect(listedEntryForUrl(list, 'http://localhost:4101/')).toMatchObject({ symbol: 'ALEX' });

    await setListEnabled(db, ADDED, false, 2);
    const without = await enabledTokenList(db);
    expect(resolveDeclaration(declare(olga), OLGA_SITE, without)).toMatchObject({ confirmation: 'declared' });
    expect(listedEntryForUrl(without, `${OLGA_SITE}/about`)).toBeNull();
  });

  test("warnings: a copy of an added list's creator, and a site like its domain; none once the list is disabled", async () => {
    const db = new CompanionDatabase(`enabled-lists-${Math.random()}`);
    const deps = { db, clientFor: () => clientA };
    const copyId = formatTokenId(DEVNET_A.chainId, copy);
    expect((await onChainFindings(deps, copyId, 'https://olga-official.example')).warnings).toEqual([]);

    await saveAddedList(db, ADDED, addedList(olga), 1);
    const { verdict, warnings } = await onChainFindings(deps, copyId, 'https://olga-official.example');
    expect(verdict.status).toBe('declared');
    expect(warnings).toEqual([
      'This token copies the name and symbol of Olga Coin ($OLGA) but is another contract; the real one is listed for olga.example. Do not buy it or sign anything here unless you are sure.',
      'This site (olga-official.example) looks like olga.example, where Olga Coin is listed, but it is a different site. Check the address bar before you sign anything.',
    ]);
    // The real coin on its own site: no warning about itself.
    expect((await onChainFindings(deps, formatTokenId(DEVNET_A.chainId, olga), OLGA_SITE)).warnings).toEqual([]);

    await setListEnabled(db, ADDED, false, 2);
    expect((await onChainFindings(deps, copyId, 'https://olga-official.example')).warnings).toEqual([]);
  });
});
