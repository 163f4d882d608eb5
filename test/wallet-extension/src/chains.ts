import { defineChain, type Address, type Chain } from 'viem';
import { DEVNET_A, DEVNET_B } from '../../../lib/chain/devnet';

// The chains the test wallet knows, as MetaMask knows the networks a user added: the two devnet
// chains on the ports the devnet build reads. Any other id answers 4902, like an unknown network.
const RPC_URLS: Record<number, string> = {
  31337: 'http://127.0.0.1:8545',
  31338: 'http://127.0.0.1:8546',
};

export function knownChain(chainId: number): Chain | undefined {
  const url = RPC_URLS[chainId];
  if (!url) return undefined;
  return defineChain({
    id: chainId,
    name: `Devnet ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [url] } },
  });
}

/** Multicall3 on each devnet chain: what the test wallet's EIP-5792 batch runs through. */
export function multicall3Of(chainId: number): Address | undefined {
  return chainId === DEVNET_A.chainId ? DEVNET_A.multicall3 : chainId === DEVNET_B.chainId ? DEVNET_B.multicall3 : undefined;
}
