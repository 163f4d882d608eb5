import { EventEmitter } from 'node:events';
import type { Eip1193Provider } from '../types';

type Handler = (params: readonly unknown[]) => unknown;

export interface FakeProvider extends Eip1193Provider {
  /** Every request received, oldest first. */
  calls: { method: string; params: readonly unknown[] }[];
  /** Replaces how a method answers; throw `{ code, message }` for an EIP-1193 error. */
  handle(method: string, handler: Handler): void;
  emit(event: string, ...args: unknown[]): void;
}

/** An EIP-1193 provider in memory: account 1 of anvil on chain 31337 unless told otherwise. */
export function fakeProvider(handlers: Record<string, Handler> = {}): FakeProvider {
  const events = new EventEmitter();
  const table = new Map<string, Handler>(
    Object.entries({
      eth_requestAccounts: () => ['0x70997970c51812dc3a010c7d01b50e0d17dc79c8'],
      eth_accounts: () => ['0x70997970c51812dc3a010c7d01b50e0d17dc79c8'],
      eth_chainId: () => '0x7a69',
      ...handlers,
    }),
  );
  const calls: FakeProvider['calls'] = [];
  return {
    calls,
    handle: (method, handler) => void table.set(method, handler),
    emit: (event, ...args) => void events.emit(event, ...args),
    on: (event, listener) => events.on(event, listener),
    removeListener: (event, listener) => events.removeListener(event, listener),
    async request({ method, params }) {
      const list = Array.isArray(params) ? (params as unknown[]) : [];
      calls.push({ method, params: list });
      const handler = table.get(method);
      if (!handler) throw { code: 4200, message: `The method "${method}" is not supported.` };
      return handler(list);
    },
  };
}

/** Rejects like an EIP-1193 provider does. */
export function rpcError(code: number, message: string): never {
  throw Object.assign(new Error(message), { code });
}
