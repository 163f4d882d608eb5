import { errorCodes } from '@metamask/rpc-errors';
import { BaseError } from '@/lib/errors/baseError';

/** The JSON-RPC error codes wallets answer with (EIP-1193, EIP-1474, MetaMask), named once. */
export const RPC_ERROR_CODES = {
  /** EIP-1193 4001: the holder said no. */
  userRejected: errorCodes.provider.userRejectedRequest,
  /** EIP-1193 4100: the account or method is not allowed for this origin. */
  unauthorized: errorCodes.provider.unauthorized,
  /** EIP-1193 4900: the provider is disconnected from all chains. */
  disconnected: errorCodes.provider.disconnected,
  /** EIP-1474 -32002: a request of ours is already waiting in the wallet. */
  requestPending: errorCodes.rpc.resourceUnavailable,
  /** MetaMask (EIP-3326's `wallet_switchEthereumChain`): the wallet does not know the chain. */
  unrecognizedChain: 4902,
  /** MetaMask's stream closed under it. */
  streamClosed: 1011,
  /** MetaMask lost its own RPC for a moment; its port to us is fine. */
  rpcUnavailable: 1013,
} as const;

/**
 * What went wrong, in the few cases the popup tells apart:
 * - `cancelled`: the holder said no in the wallet (EIP-1193 4001). Calm, and never retried.
 * - `wallet-missing`: MetaMask is not installed, disabled, or its connection dropped at once.
 * - `wrong-chain`: the wallet is on another chain and would not (or could not) switch.
 * - `wallet-busy`: the wallet already shows a request of ours (-32002).
 * - `refused`: this module refused to ask (not an allowed typed-data type, an approval…).
 * - `unknown`: anything else, with the wallet's own message.
 */
export type WalletErrorKind = 'cancelled' | 'wallet-missing' | 'wrong-chain' | 'wallet-busy' | 'refused' | 'unknown';

export const WALLET_MESSAGES = {
  cancelled: 'You cancelled in your wallet.',
  'wallet-missing': 'MetaMask is not installed or disabled. Install it, or use watch-only.',
  'wallet-busy': 'Your wallet already has a request from the companion waiting. Open MetaMask to finish or cancel it, then try again.',
  lost: 'The connection to MetaMask was lost. Try again.',
  timeout: 'MetaMask did not answer. Open it once (it may be locked or updating), then try again.',
} as const;

/** The one error type this module throws; `message` is written to be shown as is. */
export class WalletError extends BaseError {
  override name = 'WalletError';
  readonly kind: WalletErrorKind;
  /** The wallet's JSON-RPC error code, when it gave one. */
  readonly rpcCode: number | undefined;

  constructor(kind: WalletErrorKind, message: string, options: { rpcCode?: number; cause?: unknown } = {}) {
    super(message, { code: `wallet.${kind}`, cause: options.cause });
    this.kind = kind;
    this.rpcCode = options.rpcCode;
  }
}

export type WalletErrorType = WalletError;

const MAX_WALLET_MESSAGE = 300;

/** Maps anything a provider throws (EIP-1193 `{ code, message }` errors included) to a WalletError. */
export function toWalletError(error: unknown): WalletError {
  if (error instanceof WalletError) return error;
  const rpcCode = errorCode(error);
  const options = { rpcCode, cause: error };
  switch (rpcCode) {
    case RPC_ERROR_CODES.userRejected:
      return new WalletError('cancelled', WALLET_MESSAGES.cancelled, options);
    case RPC_ERROR_CODES.requestPending:
      return new WalletError('wallet-busy', WALLET_MESSAGES['wallet-busy'], options);
    case RPC_ERROR_CODES.unrecognizedChain:
      return new WalletError('wrong-chain', 'Your wallet does not know this chain. Add it in MetaMask, then try again.', options);
    case RPC_ERROR_CODES.unauthorized:
      return new WalletError('unknown', 'Your wallet has not allowed the companion to use this account. Connect again.', options);
    case RPC_ERROR_CODES.streamClosed:
    case RPC_ERROR_CODES.rpcUnavailable:
    case RPC_ERROR_CODES.disconnected:
      return new WalletError('unknown', WALLET_MESSAGES.lost, options);
  }
  const text = errorText(error).slice(0, MAX_WALLET_MESSAGE);
  return new WalletError('unknown', text ? `Your wallet reported an error: ${text}` : 'Your wallet reported an error.', options);
}

function errorCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = 'code' in error ? error.code : undefined;
  return typeof code === 'number' && Number.isInteger(code) ? code : undefined;
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const message = 'message' in error ? error.message : undefined;
    if (typeof message === 'string') return message;
  }
  return '';
}
