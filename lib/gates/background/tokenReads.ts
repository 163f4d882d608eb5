import { getAddress, type Address } from 'viem';
import { erc20Abi } from '@/lib/chain/abis';
import { chainById } from '@/lib/chain/knownChains';
import type { BackgroundDeps } from '@/lib/app/background/backgroundDeps';
import { readSettings } from '@/lib/settings/settingsRepository';
import { parseTokenId } from '@/lib/protocol/caip19';
import { formatTokenAmount, formatTokenAmountExact } from '@/lib/format/format';
import { UserFacingError } from '../../app/userFacingError';

export interface TokenBalances {
  symbol: string;
  decimals: number;
  /** Balance per checksummed address, at the latest block. */
  balances: Map<Address, bigint>;
}

/** Symbol, decimals and the balances of `addresses`, in one batched JSON-RPC request. */
export async function readTokenBalances(
  deps: Pick<BackgroundDeps, 'db' | 'clientFor'>,
  tokenId: string,
  addresses: Address[],
): Promise<TokenBalances> {
  const { chainId, address: token } = parseTokenId(tokenId);
  const chain = chainById(chainId);
  if (!chain) throw new UserFacingError(`Chain ${chainId} is not supported by this build.`);
  const settings = await readSettings(deps.db);
  const client = deps.clientFor(chain, settings.rpcUrls[chainId]);
  const unique = [...new Set(addresses.map((a) => getAddress(a)))];
  const [symbol, decimals, balances] = await Promise.all([
    client.readContract({ address: token, abi: erc20Abi, functionName: 'symbol' }),
    client.readContract({ address: token, abi: erc20Abi, functionName: 'decimals' }),
    Promise.all(
      unique.map(
        async (holder) =>
          [holder, await client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder] })] as const,
      ),
    ),
  ]);
  return { symbol: String(symbol), decimals: Number(decimals), balances: new Map(balances) };
}

export function amountText(amount: bigint, token: { symbol: string; decimals: number }): string {
  return `${formatTokenAmount(amount, token.decimals, 'en-US')} ${token.symbol}`;
}

/** A gate's minimum, to the last base unit: a rounded threshold would mislead either way. */
export function minimumText(amount: bigint, token: { symbol: string; decimals: number }): string {
  return `${formatTokenAmountExact(amount, token.decimals, 'en-US')} ${token.symbol}`;
}
