import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PublicClient } from 'viem';
import { enabledChains } from '@/lib/chain/enabledChains';
import { database } from '@/lib/db/database';
import { follow } from '@/lib/holdings/followsRepository';
import { refreshHoldings } from '@/lib/holdings/background/refreshHoldings';
import { clearAllData, readSettings } from '@/lib/settings/settingsRepository';
import { requestHandlers } from '../app/background/requestHandlers';

beforeEach(async () => {
  fakeBrowser.reset();
  await clearAllData(database());
});

const popup = { kind: 'popup' } as const;

test('every known chain is on by default; turning one off and on again is kept', async () => {
  const all = enabledChains(await readSettings(database())).map((c) => c.chain.chainId);
  expect(all).toEqual(expect.arrayContaining([1, 8453, 10, 42161]));

  expect(await requestHandlers['set-chain-enabled']({ chainId: 10, enabled: false }, popup)).toEqual({ disabledChains: [10] });
  await requestHandlers['set-chain-enabled']({ chainId: 10, enabled: false }, popup);
  expect((await readSettings(database())).disabledChains).toEqual([10]);
  expect(enabledChains(await readSettings(database())).map((c) => c.chain.chainId)).toEqual(all.filter((id) => id !== 10));

  await requestHandlers['set-chain-enabled']({ chainId: 10, enabled: true }, popup);
  expect((await readSettings(database())).disabledChains).toEqual([]);
});

test('an unknown chain cannot be switched, with a sentence saying so', async () => {
  await expect(requestHandlers['set-chain-enabled']({ chainId: 137, enabled: false }, popup)).rejects.toThrow(
    'Chain 137 is not supported.',
  );
});

test('enabled chains carry the holder’s endpoints for the client', async () => {
  await requestHandlers['set-rpc-urls']({ chainId: 8453, urls: ['https://base.example/rpc'] }, popup);
  const base = enabledChains(await readSettings(database())).find((c) => c.chain.chainId === 8453);
  expect(base?.rpcUrls).toEqual(['https://base.example/rpc']);
});

test('a chain turned off is not read at all: no client is even made for it', async () => {
  const db = database();
  const address = '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913';
  await follow(db, {
    tokenId: `eip155:8453/erc20:${address}`,
    chainId: 8453,
    address,
    symbol: 'USDC',
    name: null,
    creatorName: null,
    siteOrigin: null,
    confirmation: 'declared',
    manifest: null,
    followedAt: 1,
  });
  await requestHandlers['set-chain-enabled']({ chainId: 8453, enabled: false }, popup);
  const asked: number[] = [];
  const outcome = await refreshHoldings(
    {
      db,
      clientFor: (chain) => {
        asked.push(chain.chainId);
        return {} as PublicClient;
      },
    },
    [],
  );
  expect(asked).toEqual([]);
  expect(outcome.chains).toEqual([
    { chainId: 8453, chainName: 'Base', blockNumber: null, error: 'Base is turned off in settings; turn it on to read it.' },
  ]);
});
