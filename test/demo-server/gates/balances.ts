import { createPublicClient, erc20Abi, http, type Address, type PublicClient } from 'viem';
import { DEVNET_CHAINS } from '../../../lib/chain/devnet';

/** Reads `balanceOf(holder)` of an ERC-20 at the latest block. */
export type BalanceReader = (chainId: number, token: Address, holder: Address) => Promise<bigint>;

/** The devnet RPCs the extension's devnet build uses (8545, 8546). */
export function defaultRpcUrls(): Record<number, string> {
  return Object.fromEntries(DEVNET_CHAINS.map((c) => [c.chainId, c.rpcUrls[0]!]));
}

export function createBalanceReader(rpcUrls: Record<number, string>): BalanceReader {
  const clients = new Map<number, PublicClient>();
  return async (chainId, token, holder) => {
    const url = rpcUrls[chainId];
    if (!url) throw new Error(`no RPC for chain ${chainId}`);
    let client = clients.get(chainId);
    if (!client) {
      client = createPublicClient({ transport: http(url, { timeout: 5_000, retryCount: 1 }) });
      clients.set(chainId, client);
    }
    return client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [holder], blockTag: 'latest' });
  };
}

/** "12,500", "0.5", "1,234.000001": exact, grouped like en-US, trailing zeros dropped. */
export function formatAmount(amount: bigint, decimals = 18): string {
  const unit = 10n ** BigInt(decimals);
  const whole = (amount / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (amount % unit).toString().padStart(decimals, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** "0x7099…79C8" */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}
