import {
  createWalletClient,
  encodeFunctionData,
  hexToString,
  http,
  isAddressEqual,
  isHex,
  parseAbi,
  toHex,
  type Address,
  type Hex,
} from 'viem';
import { parseSiweMessage } from '../../../lib/gates/core/siwe/parseSiweMessage';
import { knownChain, multicall3Of } from './chains';
import type { PendingRequest } from './protocol';
import { RpcError, type WalletState } from './walletState';

// MetaMask's behaviour, for the methods the companion and pages use: accounts only for origins the
// holder connected, a prompt (approval) before connecting, switching, signing and sending; reads
// go to the chain's RPC. eth_sign is refused like MetaMask refuses it by default.

const notPermitted = () => new RpcError(4100, 'The requested account and/or method has not been authorized by the user.');

/** Answers one JSON-RPC request from `origin`; logs it with its outcome. */
export async function handleRequest(wallet: WalletState, origin: string, method: string, params: unknown): Promise<unknown> {
  const request = wallet.newRequest(origin, method, Array.isArray(params) ? params : params === undefined ? [] : [params]);
  let approved = false;
  const ask = async () => {
    await wallet.approval(request);
    approved = true;
  };
  try {
    const result = await answer(wallet, request, ask);
    wallet.finished.push({ ...request, outcome: approved ? 'approved' : 'answered' });
    return result ?? null;
  } catch (error) {
    const rpc = error instanceof RpcError ? error : new RpcError(-32603, error instanceof Error ? error.message : String(error));
    wallet.finished.push({
      ...request,
      outcome: rpc.code === 4001 ? 'rejected' : 'failed',
      error: { code: rpc.code, message: rpc.message },
    });
    throw rpc;
  }
}

async function answer(wallet: WalletState, { origin, method, params }: PendingRequest, ask: () => Promise<void>): Promise<unknown> {
  const mine = (address: unknown) => {
    if (!wallet.permitted.has(origin)) throw notPermitted();
    if (typeof address !== 'string' || !isHex(address) || !isAddressEqual(address as Address, wallet.account.address)) throw notPermitted();
  };
  switch (method) {
    case 'metamask_getProviderState':
      return {
        isUnlocked: true,
        accounts: wallet.accountsFor(origin),
        chainId: toHex(wallet.chainId),
        networkVersion: String(wallet.chainId),
        isConnected: true,
      };
    case 'eth_accounts':
      return wallet.accountsFor(origin);
    case 'eth_chainId':
      return toHex(wallet.chainId);
    case 'net_version':
      return String(wallet.chainId);
    case 'eth_requestAccounts': {
      if (wallet.permitted.has(origin)) return wallet.accountsFor(origin);
      if (wallet.hasWaiting(origin, method))
        throw new RpcError(-32002, `Request of type 'wallet_requestPermissions' already pending for origin ${origin}. Please wait.`);
      await ask();
      wallet.permitted.add(origin);
      wallet.notify({ type: 'accountsChanged', accounts: wallet.accountsFor(origin) }, origin);
      return wallet.accountsFor(origin);
    }
    case 'wallet_getPermissions':
      return wallet.permitted.has(origin) ? [{ parentCapability: 'eth_accounts', invoker: origin }] : [];
    case 'wallet_revokePermissions':
      if (wallet.permitted.delete(origin)) wallet.notify({ type: 'accountsChanged', accounts: [] }, origin);
      return null;
    case 'wallet_switchEthereumChain': {
      const wanted = Number((params[0] as { chainId?: unknown } | undefined)?.chainId);
      if (!Number.isSafeInteger(wanted) || !knownChain(wanted))
        throw new RpcError(
          4902,
          `Unrecognized chain ID "${String((params[0] as { chainId?: unknown })?.chainId)}". Try adding the chain using wallet_addEthereumChain first.`,
        );
      if (wanted === wallet.chainId) return null;
      await ask();
      wallet.chainId = wanted;
      wallet.notify({ type: 'chainChanged', chainId: wanted });
      return null;
    }
    case 'eth_signTypedData_v4': {
      mine(params[0]);
      const typedData = JSON.parse(String(params[1]));
      await ask();
      // As MetaMask does, the EIP712Domain type the caller sent is the one hashed (viem lets it win).
      return wallet.account.signTypedData(typedData);
    }
    case 'personal_sign': {
      mine(params[1]);
      refuseSiweForOtherDomain(origin, params[0]);
      await ask();
      return wallet.account.signMessage({ message: { raw: params[0] as Hex } });
    }
    case 'eth_sendTransaction':
      return sendTransaction(wallet, params[0] as TransactionParams, mine, ask);
    case 'wallet_getCapabilities':
    case 'wallet_sendCalls':
    case 'wallet_getCallsStatus':
      if (!wallet.batching) break; // answered below as unknown, like a wallet without EIP-5792
      return eip5792(wallet, method, params, mine, ask);
    case 'eth_sign':
    case 'eth_signTransaction':
      throw new RpcError(4200, `The method "${method}" is not supported.`);
  }
  if (/^(eth|net|web3)_/.test(method)) return forward(wallet.chainId, method, params);
  throw new RpcError(4200, `The method "${method}" does not exist / is not available.`);
}

/**
 * MetaMask reads a personal_sign message as SIWE when it is one and will not let a page (or another
 * extension, whose origin is chrome-extension://<id>) get a sign-in for a domain other than its own.
 * Code -32602 (invalid params), not 4001: the holder never saw it, and the companion shows 4001 as
 * "you cancelled"; not 4100 either, which it reads as "connect again". A message that only looks
 * like SIWE but does not parse is signed as text, as MetaMask does.
 */
function refuseSiweForOtherDomain(origin: string, raw: unknown): void {
  let domain: string;
  try {
    const text = typeof raw === 'string' && isHex(raw) ? hexToString(raw) : String(raw);
    if (!text.split('\n', 1)[0]!.endsWith(' wants you to sign in with your Ethereum account:')) return;
    domain = parseSiweMessage(text).domain;
  } catch {
    return;
  }
  const host = URL.canParse(origin) ? new URL(origin).host : '';
  if (domain.toLowerCase() !== host) {
    throw new RpcError(-32602, `SIWE domain mismatch: the message is for ${domain} but the request comes from ${origin}`);
  }
}

interface TransactionParams {
  from?: string;
  to?: Address;
  data?: Hex;
  value?: Hex;
  gas?: Hex;
  chainId?: Hex;
}

async function sendTransaction(
  wallet: WalletState,
  tx: TransactionParams,
  mine: (a: unknown) => void,
  ask: () => Promise<void>,
): Promise<Hex> {
  mine(tx?.from);
  if (tx.chainId !== undefined && Number(tx.chainId) !== wallet.chainId) {
    throw new RpcError(-32602, `Invalid chainId: ${tx.chainId} is not the wallet's chain ${toHex(wallet.chainId)}.`);
  }
  await ask();
  const chain = knownChain(wallet.chainId);
  const client = createWalletClient({ account: wallet.account, chain, transport: http() });
  const request = {
    to: tx.to,
    data: tx.data,
    value: tx.value === undefined ? undefined : BigInt(tx.value),
    gas: tx.gas === undefined ? undefined : BigInt(tx.gas),
  };
  return client.sendTransaction(request as Parameters<typeof client.sendTransaction>[0]);
}

/** A read: the chain's RPC answers it, as MetaMask's network client does. */
async function forward(chainId: number, method: string, params: unknown[]): Promise<unknown> {
  const url = knownChain(chainId)?.rpcUrls.default.http[0];
  if (!url) throw new RpcError(4900, 'The wallet is not connected to any chain.');
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string } };
  if (body.error) throw new RpcError(body.error.code, body.error.message);
  return body.result;
}

const aggregate3Abi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
]);

/**
 * EIP-5792 (behind setBatching). The batch is one atomic transaction: Multicall3 aggregate3 with
 * allowFailure false, so every call lands or none does. This is not EIP-7702 (the holder's
 * address does not become a smart account): the calls run with Multicall3 as msg.sender, which is
 * enough for calls that pay a named account whoever sends them, such as MerkleDistributor.claim.
 */
async function eip5792(
  wallet: WalletState,
  method: string,
  params: unknown[],
  mine: (a: unknown) => void,
  ask: () => Promise<void>,
): Promise<unknown> {
  if (method === 'wallet_getCapabilities') {
    mine(params[0]);
    const asked = Array.isArray(params[1]) ? params[1].map(Number) : [31337, 31338];
    return Object.fromEntries(asked.filter((id) => multicall3Of(id)).map((id) => [toHex(id), { atomic: { status: 'supported' } }]));
  }
  if (method === 'wallet_getCallsStatus') {
    const batch = wallet.batches.get(String(params[0]));
    if (!batch) throw new RpcError(5730, 'Unknown bundle id.');
    const receipt = (await forward(batch.chainId, 'eth_getTransactionReceipt', [batch.hash])) as { status?: Hex } | null;
    return {
      version: '2.0.0',
      id: params[0],
      chainId: toHex(batch.chainId),
      atomic: true,
      status: receipt ? (receipt.status === '0x1' ? 200 : 500) : 100,
      receipts: receipt ? [receipt] : [],
    };
  }
  const request = params[0] as { from?: string; chainId?: Hex; calls?: { to?: Address; data?: Hex; value?: Hex }[] } | undefined;
  mine(request?.from);
  const chainId = Number(request?.chainId);
  if (chainId !== wallet.chainId) throw new RpcError(5710, `Chain ${request?.chainId} is not the wallet's chain ${toHex(wallet.chainId)}.`);
  const multicall3 = multicall3Of(chainId);
  if (!multicall3) throw new RpcError(5700, 'Atomic batches are not supported on this chain.');
  const calls = request?.calls ?? [];
  if (calls.length === 0 || calls.some((c) => !c.to || (c.value !== undefined && BigInt(c.value) !== 0n)))
    throw new RpcError(-32602, 'Each call needs a `to`, and this wallet batches calls without value only.');
  await ask();
  const data = encodeFunctionData({
    abi: aggregate3Abi,
    functionName: 'aggregate3',
    args: [calls.map((c) => ({ target: c.to!, allowFailure: false, callData: c.data ?? '0x' }))],
  });
  const chain = knownChain(chainId)!;
  const client = createWalletClient({ account: wallet.account, chain, transport: http() });
  const hash = await client.sendTransaction({ to: multicall3, data, chain });
  const id = toHex(crypto.getRandomValues(new Uint8Array(32)));
  wallet.batches.set(id, { chainId, hash });
  return { id };
}
