import { rpcError } from '@/lib/wallet/testing/fakeProvider';

/** A raw JSON-RPC call to anvil, answered or thrown as a wallet would pass it on. */
export async function anvilRpc(rpcUrl: string, method: string, params: unknown[]): Promise<unknown> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { code: number; message: string } };
  if (body.error) rpcError(body.error.code, body.error.message);
  return body.result;
}
