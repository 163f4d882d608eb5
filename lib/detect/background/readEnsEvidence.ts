import type { ChainClient } from '@/lib/chain/createChainClient';
import { erc20Abi, getAddress, namehash, zeroAddress, type Address } from 'viem';
import { normalize } from 'viem/ens';
import type { EnsEvidence } from '@/lib/detect/core/ensConfirmation';
import { ensRegistryAbi, ensResolverAbi, tokenControllerAbi } from '@/lib/detect/core/ensAbis';

export interface EnsReadClients {
  /** The client of the token's own chain (from its CAIP-19 id). */
  token: ChainClient;
  /** The client of the chain ENS lives on (Ethereum; chain A on the devnet). */
  ens: ChainClient;
  registry: Address;
}

const nonZero = (a: Address | undefined | null): Address | null => (a && a !== zeroAddress ? getAddress(a) : null);

/**
 * Reads what the ENS rule needs, in as few round trips as the lookups allow: the token's
 * controller (owner() and payoutRecipient() in one multicall), then on the ENS chain, pinned to
 * one block, the reverse resolver, the reverse name, the name's resolver, then addr and url in one
 * multicall. Each step needs the previous answer, so four small requests in all at most.
 */
export async function readEnsEvidence(clients: EnsReadClients, token: Address): Promise<EnsEvidence> {
  const [owner, payout, name, symbol] = await clients.token.multicall({
    contracts: [
      { address: token, abi: tokenControllerAbi, functionName: 'owner' },
      { address: token, abi: tokenControllerAbi, functionName: 'payoutRecipient' },
      { address: token, abi: erc20Abi, functionName: 'name' },
      { address: token, abi: erc20Abi, functionName: 'symbol' },
    ],
    allowFailure: true,
  });
  const tokenName = name.status === 'success' ? String(name.result).slice(0, 100) : null;
  const tokenSymbol = symbol.status === 'success' ? String(symbol.result).slice(0, 40) : null;
  const controller =
    nonZero(owner.status === 'success' ? owner.result : null) ?? nonZero(payout.status === 'success' ? payout.result : null);
  const blockNumber = await clients.ens.getBlockNumber({ cacheTime: 0 });
  const none: EnsEvidence = { owner: controller, reverseName: null, forwardAddress: null, url: null, blockNumber, tokenName, tokenSymbol };
  if (!controller) return none;

  const read = { blockNumber } as const;
  const reverseNode = namehash(`${controller.slice(2).toLowerCase()}.addr.reverse`);
  const reverseResolver = nonZero(
    await clients.ens.readContract({
      ...read,
      address: clients.registry,
      abi: ensRegistryAbi,
      functionName: 'resolver',
      args: [reverseNode],
    }),
  );
  if (!reverseResolver) return none;
  const [reverse] = await clients.ens.multicall({
    ...read,
    contracts: [{ address: reverseResolver, abi: ensResolverAbi, functionName: 'name', args: [reverseNode] }],
    allowFailure: true,
  });
  const reverseName = reverse.status === 'success' && reverse.result ? reverse.result : null;
  if (!reverseName) return none;

  // A name that is not in ENS's normal form cannot be what the owner set through any ENS app.
  let node: `0x${string}`;
  try {
    if (normalize(reverseName) !== reverseName) return { ...none, reverseName };
    node = namehash(reverseName);
  } catch {
    return { ...none, reverseName };
  }
  const resolver = nonZero(
    await clients.ens.readContract({ ...read, address: clients.registry, abi: ensRegistryAbi, functionName: 'resolver', args: [node] }),
  );
  if (!resolver) return { ...none, reverseName };
  const [addr, url] = await clients.ens.multicall({
    ...read,
    contracts: [
      { address: resolver, abi: ensResolverAbi, functionName: 'addr', args: [node] },
      { address: resolver, abi: ensResolverAbi, functionName: 'text', args: [node, 'url'] },
    ],
    allowFailure: true,
  });
  return {
    owner: controller,
    reverseName,
    forwardAddress: nonZero(addr.status === 'success' ? addr.result : null),
    url: url.status === 'success' && url.result ? url.result : null,
    blockNumber,
    tokenName,
    tokenSymbol,
  };
}
