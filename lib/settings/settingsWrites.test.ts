import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '@/lib/db/database';
import { clearAllData, readSettings, updateSetting } from '@/lib/settings/settingsRepository';
import { requestHandlers } from '../app/background/requestHandlers';

beforeEach(async () => {
  fakeBrowser.reset();
  await clearAllData(database());
});

describe('settings written from two popups at the same moment', () => {
  test('RPC endpoints saved for two chains at once both stay', async () => {
    for (let round = 0; round < 10; round++) {
      await clearAllData(database());
      await Promise.all([
        requestHandlers['set-rpc-urls']({ chainId: 31337, urls: [`http://127.0.0.1:9001/${round}`] }, { kind: 'popup' }),
        requestHandlers['set-rpc-urls']({ chainId: 31338, urls: [`http://127.0.0.1:9002/${round}`] }, { kind: 'popup' }),
      ]);
      expect((await readSettings(database())).rpcUrls).toEqual({
        31337: [`http://127.0.0.1:9001/${round}`],
        31338: [`http://127.0.0.1:9002/${round}`],
      });
    }
  });

  test('twenty concurrent updates of one setting each count once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        updateSetting(database(), 'rpcUrls', (current) => ({ ...current, [String(i)]: [`http://127.0.0.1:${9000 + i}`] })),
      ),
    );
    expect(Object.keys((await readSettings(database())).rpcUrls)).toHaveLength(20);
  });
});
