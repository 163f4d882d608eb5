import { encodeFunctionData, erc20Abi, type Address, type Hex } from 'viem';

/** The payment: `token.transfer(recipient, price)`, built from the validated manifest only. */
export function buildTransferCall(token: Address, recipient: Address, price: bigint): { to: Address; data: Hex } {
  return { to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [recipient, price] }) };
}
