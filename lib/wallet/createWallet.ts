import { connectWallet, currentWallet, disconnectWallet, type ConnectedFlag } from './connectWallet';
import { sendTransaction, switchChain } from './sendTransaction';
import { callsStatus, sendCalls, supportsAtomicBatch, type BatchCall, type CallsStatus } from './sendCalls';
import { signTypedData } from './signTypedData';
import type {
  Eip1193Provider,
  SendTransactionParameters,
  SendTransactionReturnType,
  SignTypedDataParameters,
  SignTypedDataReturnType,
  WalletChangeListener,
  WalletState,
} from './types';
import { createWalletSession } from './walletSession';

/** Everything the background does with a wallet. Every method throws only WalletError. */
export interface Wallet {
  connect(): Promise<WalletState>;
  disconnect(): Promise<void>;
  current(): Promise<WalletState | null>;
  /** Account, chain and disconnect events; returns the unsubscribe function. */
  onChange(listener: WalletChangeListener): () => void;
  signTypedData(parameters: SignTypedDataParameters): Promise<SignTypedDataReturnType>;
  switchChain(chainId: number): Promise<void>;
  sendTransaction(parameters: SendTransactionParameters): Promise<SendTransactionReturnType>;
  /** EIP-5792: whether the wallet runs atomic batches on the chain (false when it does not know the methods). */
  supportsAtomicBatch(chainId: number): Promise<boolean>;
  /** EIP-5792 `wallet_sendCalls`, atomic; returns the batch id. */
  sendCalls(chainId: number, calls: readonly BatchCall[]): Promise<string>;
  callsStatus(id: string): Promise<CallsStatus>;
}

export interface CreateWalletOptions {
  /** Opens the provider (MetaMask in the extension; a fake in unit tests). */
  open: () => Promise<Eip1193Provider>;
  flag: ConnectedFlag;
}

export function createWallet({ open, flag }: CreateWalletOptions): Wallet {
  const session = createWalletSession(open);
  return {
    connect: () => connectWallet(session, flag),
    disconnect: () => disconnectWallet(session, flag),
    current: () => currentWallet(session, flag),
    onChange: (listener) => session.onChange(listener),
    signTypedData: (parameters) => signTypedData(session, parameters),
    switchChain: (chainId) => switchChain(session, chainId),
    sendTransaction: (parameters) => sendTransaction(session, parameters),
    supportsAtomicBatch: (chainId) => supportsAtomicBatch(session, chainId),
    sendCalls: (chainId, calls) => sendCalls(session, chainId, calls),
    callsStatus: (id) => callsStatus(session, id),
  };
}
