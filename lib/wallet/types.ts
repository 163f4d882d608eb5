import type { Address, Hex, TypedData, TypedDataDefinition } from 'viem';

/** The part of EIP-1193 this module uses; MetaMask's StreamProvider and test fakes both fit. */
export interface Eip1193Provider {
  request(args: { method: string; params?: readonly unknown[] | object }): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** A connected wallet: the account it lets us use and the chain it is on. */
export interface WalletState {
  account: Address;
  chainId: number;
}

/** What the wallet reports changing, translated from EIP-1193 events. */
export type WalletChange = { type: 'account'; account: Address | null } | { type: 'chain'; chainId: number } | { type: 'disconnect' };

export type WalletChangeListener = (change: WalletChange) => void;

/** EIP-712 typed data as viem describes it (the EIP712Domain type is derived, never passed). */
export type TypedDataToSign<T extends TypedData = TypedData> = TypedDataDefinition<T, string>;

export interface SignTypedDataParameters {
  account: Address;
  typedData: TypedDataToSign;
  /** The only primary types the caller means to sign (the votes code passes `['Vote', …]`). */
  allowedPrimaryTypes: readonly string[];
}
export type SignTypedDataReturnType = Hex;

export interface SendTransactionParameters {
  chainId: number;
  to: Address;
  data?: Hex;
  value?: bigint;
}
export type SendTransactionReturnType = Hex;
