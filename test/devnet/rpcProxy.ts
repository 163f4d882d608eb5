import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// An HTTP proxy in front of anvil for the bench and the tests: counts what reaches the RPC endpoint
// and adds latency, so "one popup refresh = 1-2 round trips" can be measured against realistic
// delays; it can also misbehave (hang, or answer 429 with Retry-After) for the fault tests.
// Everything is forwarded unchanged, CORS preflights included, so the extension sees exactly
// anvil's CORS answers.

export interface RpcProxy {
  url: string;
  /** HTTP requests that carried JSON-RPC (a batch body is one request); CORS preflights excluded. */
  requestCount(): number;
  /** JSON-RPC calls inside those requests (a batch of 5 counts 5). */
  callCount(): number;
  /** CORS preflight (OPTIONS) requests, counted apart: a browser may cache them. */
  preflightCount(): number;
  /** JSON-RPC method names in arrival order, for debugging a count that is off. */
  methods(): string[];
  resetCount(): void;
  setLatency(ms: number): void;
  /** Misbehave on the next `times` JSON-RPC requests (all of them by default); null forwards again. */
  setFault(fault: RpcFault | null, times?: number): void;
  stop(): Promise<void>;
}

/** 'hang' accepts the request and never answers; 'status' answers with that HTTP status (e.g. 429). */
export type RpcFault = { kind: 'hang' } | { kind: 'status'; status: number; retryAfter?: string };

export async function startRpcProxy(opts: { target: string; port?: number; latencyMs?: number }): Promise<RpcProxy> {
  const target = new URL(opts.target);
  let latencyMs = opts.latencyMs ?? 0;
  let requests = 0;
  let preflights = 0;
  let methods: string[] = [];
  let fault: RpcFault | null = null;
  let faultsLeft = 0;

  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (req.method === 'OPTIONS') preflights++;
    else {
      requests++;
      methods.push(...rpcMethods(body));
    }
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (fault && req.method !== 'OPTIONS' && faultsLeft > 0) {
      faultsLeft--;
      if (fault.kind === 'hang') return; // the socket stays open until the client gives up or stop()
      const cors = { 'access-control-allow-origin': req.headers.origin ?? '*', 'access-control-expose-headers': 'retry-after' };
      res.writeHead(fault.status, {
        'content-type': 'text/plain',
        ...cors,
        ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
      });
      res.end(`RPC proxy: HTTP ${fault.status}`);
      return;
    }
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`RPC proxy: ${opts.target} unreachable: ${error.message}`);
    });
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    forward(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`RPC proxy: port ${opts.port} is already in use`) : error),
    );
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requestCount: () => requests,
    callCount: () => methods.length,
    preflightCount: () => preflights,
    methods: () => [...methods],
    resetCount: () => {
      requests = 0;
      preflights = 0;
      methods = [];
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    setFault: (next, times = Number.POSITIVE_INFINITY) => {
      fault = next;
      faultsLeft = next ? times : 0;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function rpcMethods(body: Buffer): string[] {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    return calls.map((c) => (typeof c === 'object' && c && 'method' in c ? String(c.method) : '?'));
  } catch {
    return ['?'];
  }
}
