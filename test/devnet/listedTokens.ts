import { getAddress, keccak256, toHex, type Address } from 'viem';
import { devnetClient } from './client';
import type { DevnetChain } from './devnet';
import { deployExtraCreatorTokens } from './extraCreatorTokens';

export interface ListedDevnetToken {
  chainId: number;
  address: Address;
  name: string;
  symbol: string;
  decimals: number;
  /** What `holder` owns of it (base units). */
  heldBy: 'holder' | 'other' | 'nobody';
}

/**
 * Many listed tokens on one devnet chain, cheaply: `held` real creator tokens (with WETH pairs)
 * sent to `holder`, `other` ones sent to `otherHolder` only, and `clones` addresses carrying the
 * same ERC-20 runtime code (`anvil_setCode`, empty storage: nobody holds any), plus `noCode`
 * addresses with no contract at all (a list may name a wrong address). Every `balanceOf` a
 * discovery sends is a real contract call on anvil.
 */
export async function deployListedTokens(
  chain: DevnetChain,
  counts: { held: number; other: number; clones: number; noCode: number },
  holder: Address,
  otherHolder: Address,
): Promise<ListedDevnetToken[]> {
  const client = devnetClient(chain.rpcUrl);
  const held = await deployExtraCreatorTokens(chain, counts.held, holder);
  const other = await deployExtraCreatorTokens(chain, counts.other, otherHolder);
  const template = held[0]?.token ?? other[0]?.token;
  if (!template && counts.clones > 0) throw new Error('clones need at least one deployed token to copy');
  const code = template ? await client.getCode({ address: template }) : undefined;
  const derived = (kind: string, i: number) => getAddress(`0x${keccak256(toHex(`${kind}:${chain.chainId}:${i}`)).slice(26)}`);
  const clones = Array.from({ length: counts.clones }, (_, i) => derived('clone', i));
  // In groups: anvil refuses one JSON-RPC batch of thousands of calls carrying the code.
  for (let i = 0; i < clones.length; i += 100) {
    await Promise.all(clones.slice(i, i + 100).map((address) => client.setCode({ address, bytecode: code! })));
  }
  const noCode = Array.from({ length: counts.noCode }, (_, i) => derived('empty', i));

  const entry = (address: Address, n: string, heldBy: ListedDevnetToken['heldBy']): ListedDevnetToken => ({
    chainId: chain.chainId,
    address,
    name: `Listed ${n}`,
    symbol: `L${n}`.slice(0, 20),
    decimals: 18,
    heldBy,
  });
  return [
    ...held.map((t, i) => entry(t.token, `${chain.chainId}H${i}`, 'holder')),
    ...other.map((t, i) => entry(t.token, `${chain.chainId}O${i}`, 'other')),
    ...clones.map((a, i) => entry(a, `${chain.chainId}C${i}`, 'nobody')),
    ...noCode.map((a, i) => entry(a, `${chain.chainId}E${i}`, 'nobody')),
  ];
}

/** A token list (tokenlists.org format) of those tokens, as a list server would serve it. */
export function tokenListJson(name: string, tokens: ListedDevnetToken[]): string {
  return JSON.stringify({
    name,
    timestamp: '2026-01-01T00:00:00.000Z',
    version: { major: 1, minor: 0, patch: 0 },
    tokens: tokens.map(({ chainId, address, name: tokenName, symbol, decimals }) => ({
      chainId,
      address,
      name: tokenName,
      symbol,
      decimals,
    })),
  });
}
