import { encodeFunctionData, erc20Abi, keccak256, numberToHex, toHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { ANVIL_ACCOUNTS } from '../../devnet/accounts';
import { devnetClient, sendInOrder } from '../../devnet/client';

// Voters for the demo hub: keys derived from their index (the same on every run, so tests can
// name them), funded with the creator token from anvil account 5. Account 5 gets its tokens from
// anvil's `anvil_dealERC20`: no deployer nonce is spent and no pool is touched, so every address
// and price the other tests rely on stays put.

export const FUNDER = ANVIL_ACCOUNTS[5];
const E18 = 10n ** 18n;

const accounts = new Map<number, PrivateKeyAccount>();

/** Demo voter `i`'s key: keccak256("alex-demo-voter-<i>"). */
export function voterKey(i: number): Hex {
  return keccak256(toHex(`alex-demo-voter-${i}`));
}

export function voterAccount(i: number): PrivateKeyAccount {
  let account = accounts.get(i);
  if (!account) accounts.set(i, (account = privateKeyToAccount(voterKey(i))));
  return account;
}

/** What voter `i` holds, in base units: 100 to 4,999 whole tokens, spread by a fixed rule. */
export function voterBalance(i: number): bigint {
  return BigInt(100 + ((i * 7919) % 4900)) * E18;
}

/**
 * Gives each of `voters` exactly `amountOf(i)` of `token` (topping up or skipping, so seeding
 * twice on one chain is harmless), by plain transfers from the funder. Resolves after the last
 * transfer is mined, so a snapshot block read afterwards includes them all.
 */
export async function fundVoters(
  chain: { rpcUrl: string; multicall3: Address },
  token: Address,
  voters: readonly Address[],
  amountOf: (i: number) => bigint,
): Promise<void> {
  const client = devnetClient(chain.rpcUrl);
  const held = await client.multicall({
    contracts: voters.map((v) => ({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [v] }) as const),
    allowFailure: false,
    batchSize: 0,
    multicallAddress: chain.multicall3,
  });
  const transfers = voters.flatMap((to, i) => {
    const missing = amountOf(i) - held[i]!;
    return missing > 0n ? [{ to, missing }] : [];
  });
  if (transfers.length === 0) return;
  const needed = transfers.reduce((a, t) => a + t.missing, 0n);
  const funderHolds = await client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [FUNDER.address] });
  if (funderHolds < needed) {
    await client.request({ method: 'anvil_dealERC20', params: [FUNDER.address, token, numberToHex(needed)] } as never);
  }
  const nonce = await client.getTransactionCount({ address: FUNDER.address, blockTag: 'pending' });
  await sendInOrder(
    client,
    FUNDER.address,
    nonce,
    transfers.map((t) => ({
      label: `fund voter ${t.to}`,
      to: token,
      data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [t.to, t.missing] }),
    })),
  );
}
