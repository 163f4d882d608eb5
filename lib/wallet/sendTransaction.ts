import { isHex, size, slice, toHex, type Hex } from 'viem';
import { chainById } from '@/lib/chain/knownChains';
import type { SendTransactionParameters, SendTransactionReturnType } from './types';
import { RPC_ERROR_CODES, WalletError, toWalletError } from './walletError';
import { firstAccount, parseChainId, type WalletSession } from './walletSession';
import { lowerHex } from '@/lib/chain/lowerHex';

// Calls that hand someone else power over the holder's tokens. The companion never asks for them,
// whatever a manifest or a bug would build: approve, increaseAllowance, setApprovalForAll,
// EIP-2612 permit and DAI's permit.
export const APPROVAL_SELECTORS: readonly Hex[] = ['0x095ea7b3', '0x39509351', '0xa22cb465', '0xd505accf', '0x8fcbaf0c'];

/** Puts the wallet on `chainId`, asking it to switch if it is elsewhere. */
export async function switchChain(session: WalletSession, chainId: number): Promise<void> {
  const current = parseChainId(await session.request('eth_chainId'));
  if (current === chainId) return;
  const name = chainById(chainId)?.name ?? `chain ${chainId}`;
  try {
    await session.request('wallet_switchEthereumChain', [{ chainId: toHex(chainId) }]);
  } catch (error) {
    const mapped = toWalletError(error);
    if (mapped.kind === 'cancelled') {
      throw new WalletError(
        'wrong-chain',
        `This needs ${name}, and your wallet stayed on another network. Switch to ${name} in MetaMask, then try again.`,
        { rpcCode: mapped.rpcCode, cause: error },
      );
    }
    if (mapped.rpcCode === RPC_ERROR_CODES.unrecognizedChain) {
      throw new WalletError('wrong-chain', `Your wallet does not know ${name} (chain id ${chainId}). Add it in MetaMask, then try again.`, {
        rpcCode: RPC_ERROR_CODES.unrecognizedChain,
        cause: error,
      });
    }
    throw mapped;
  }
  if (parseChainId(await session.request('eth_chainId')) !== chainId) {
    throw new WalletError('wrong-chain', `Your wallet did not switch to ${name}. Switch in MetaMask, then try again.`);
  }
}

/** eth_sendTransaction from the connected account, on `chainId` (switching first if needed). */
export async function sendTransaction(session: WalletSession, parameters: SendTransactionParameters): Promise<SendTransactionReturnType> {
  const { chainId, to, data, value } = parameters;
  if (data && size(data) >= 4 && APPROVAL_SELECTORS.includes(lowerHex(slice(data, 0, 4)))) {
    throw new WalletError('refused', 'The companion never asks for token approvals or permits.');
  }
  const from = firstAccount(await session.request('eth_accounts'));
  if (!from) throw new WalletError('unknown', 'Connect your wallet first.');
  await switchChain(session, chainId);
  // chainId in the request too: MetaMask refuses it if the network changed after the switch.
  const request = { from, to, chainId: toHex(chainId), ...(data && { data }), ...(value !== undefined && { value: toHex(value) }) };
  const hash = await session.request('eth_sendTransaction', [request]);
  if (!isHex(hash) || size(hash) !== 32) throw new WalletError('unknown', 'Your wallet did not return a transaction hash.');
  return hash;
}
