import '@/lib/protocol/zodNoEval';
import { isHex, size, slice, toHex, type Address, type Hex } from 'viem';
import { z } from 'zod';
import { lowerHex } from '@/lib/chain/lowerHex';
import { APPROVAL_SELECTORS, switchChain } from './sendTransaction';
import { WalletError, toWalletError } from './walletError';
import { firstAccount, type WalletSession } from './walletSession';

// EIP-5792: a wallet that can run several calls as one atomic batch says so in
// `wallet_getCapabilities`; the batch is sent with `wallet_sendCalls` and followed with
// `wallet_getCallsStatus`. A wallet without the methods answers 4200 (unsupported): we then use
// Multicall3 ourselves.

// Wallet answers, checked loosely: unknown extra fields are the wallet's business.
const capabilitiesSchema = z.record(z.string(), z.looseObject({ atomic: z.looseObject({ status: z.unknown() }).optional() })).nullable();
const batchIdSchema = z.looseObject({ id: z.string().min(1) });
const callsStatusSchema = z
  .looseObject({ status: z.unknown(), receipts: z.array(z.looseObject({ transactionHash: z.unknown() })).optional() })
  .nullable();

export interface BatchCall {
  to: Address;
  data: Hex;
}

export interface CallsStatus {
  /** 100 pending, 200 confirmed, 4xx/5xx/6xx failed (EIP-5792 v2 codes). */
  status: number;
  transactionHashes: Hex[];
}

/** Whether the connected wallet runs atomic batches on `chainId` (`atomic` "supported" or "ready"). */
export async function supportsAtomicBatch(session: WalletSession, chainId: number): Promise<boolean> {
  try {
    const from = firstAccount(await session.request('eth_accounts'));
    if (!from) return false;
    const answer = capabilitiesSchema.parse(await session.request('wallet_getCapabilities', [from, [toHex(chainId)]]));
    const status = (answer?.[toHex(chainId)] ?? answer?.[String(chainId)])?.atomic?.status;
    return status === 'supported' || status === 'ready';
  } catch {
    return false; // 4200 or any odd answer: not a batching wallet
  }
}

/** `wallet_sendCalls` from the connected account, all-or-nothing; returns the batch id. */
export async function sendCalls(session: WalletSession, chainId: number, calls: readonly BatchCall[]): Promise<string> {
  if (calls.some((c) => size(c.data) >= 4 && APPROVAL_SELECTORS.includes(lowerHex(slice(c.data, 0, 4))))) {
    throw new WalletError('refused', 'The companion never asks for token approvals or permits.');
  }
  const from = firstAccount(await session.request('eth_accounts'));
  if (!from) throw new WalletError('unknown', 'Connect your wallet first.');
  await switchChain(session, chainId);
  const answer = await session.request('wallet_sendCalls', [
    { version: '2.0.0', from, chainId: toHex(chainId), atomicRequired: true, calls: calls.map((c) => ({ to: c.to, data: c.data })) },
  ]);
  const id = batchIdSchema.safeParse(answer).data?.id;
  if (!id) throw new WalletError('unknown', 'Your wallet did not return a batch id.');
  return id;
}

export async function callsStatus(session: WalletSession, id: string): Promise<CallsStatus> {
  let raw: unknown;
  try {
    raw = await session.request('wallet_getCallsStatus', [id]);
  } catch (error) {
    throw toWalletError(error);
  }
  const answer = callsStatusSchema.safeParse(raw).data;
  const status = typeof answer?.status === 'number' ? answer.status : 100;
  const transactionHashes = (answer?.receipts ?? []).map((r) => r.transactionHash).filter((h): h is Hex => isHex(h) && size(h) === 32);
  return { status, transactionHashes };
}
