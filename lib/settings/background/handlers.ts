import { getAddress, isAddress } from 'viem';
import { chainById } from '@/lib/chain/knownChains';
import { database } from '@/lib/db/database';
import type { RequestHandlers } from '@/lib/messaging/contract';
import { clearAllData, updateSetting, writeSetting } from '@/lib/settings/settingsRepository';
import { UserFacingError } from '../../app/userFacingError';
import { disconnect } from '../../wallet/walletHandlers';
import type { settingsRequests } from '../contract';

export const settingsHandlers: RequestHandlers<typeof settingsRequests> = {
  'set-watch-address': async ({ address }) => {
    const trimmed = address?.trim() || null;
    if (trimmed && !isAddress(trimmed, { strict: false })) {
      throw new UserFacingError('That is not an Ethereum address. It starts with 0x followed by 40 hexadecimal characters.');
    }
    if (trimmed && trimmed !== trimmed.toLowerCase() && !isAddress(trimmed, { strict: true })) {
      throw new UserFacingError('The address has a typo: its capital letters (checksum) do not match. Check it or paste it again.');
    }
    const value = trimmed ? getAddress(trimmed) : null;
    await writeSetting(database(), 'watchAddress', value);
    return { address: value };
  },

  'set-rpc-urls': async ({ chainId, urls }) => {
    if (!chainById(chainId)) throw new UserFacingError(`Chain ${chainId} is not supported.`);
    const cleaned = urls.map((url) => url.trim()).filter(Boolean);
    for (const url of cleaned) {
      let parsed: URL | null = null;
      try {
        parsed = new URL(url);
      } catch {
        // reported below
      }
      if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
        throw new UserFacingError(`"${url.slice(0, 80)}" is not an http(s) URL.`);
      }
    }
    // One transaction: two popups saving two chains at once must both be kept.
    await updateSetting(database(), 'rpcUrls', (current) => {
      const rpcUrls = { ...current };
      if (cleaned.length) rpcUrls[chainId] = cleaned;
      else delete rpcUrls[chainId];
      return rpcUrls;
    });
    return { urls: cleaned };
  },

  'set-chain-enabled': async ({ chainId, enabled }) => {
    if (!chainById(chainId)) throw new UserFacingError(`Chain ${chainId} is not supported.`);
    const disabledChains = await updateSetting(database(), 'disabledChains', (current) =>
      enabled ? current.filter((id) => id !== chainId) : [...new Set([...current, chainId])],
    );
    return { disabledChains };
  },

  'set-min-pool-depth': async ({ usd }) => {
    const rounded = Math.round(usd);
    await writeSetting(database(), 'minPoolDepthUsd', rounded);
    return { usd: rounded };
  },

  'set-currency': async ({ currency }) => {
    await writeSetting(database(), 'currency', currency);
    return { currency };
  },

  'clear-all-data': async () => {
    await disconnect().catch(() => undefined); // the wallet's own "connected" flag goes too
    await clearAllData(database());
    return null;
  },
};
