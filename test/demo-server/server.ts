import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALEX, HUB_PATH, MIKE, creatorManifest, type DemoCreator } from './creators';
import { creatorHomePage, MANIFEST_PATH } from './creatorSite';
import { otherOriginRoutes } from './fixtures';
import { alexEnsRoutes, lookalikeRoutes } from './ensSites';
import { createBalanceReader, defaultRpcUrls } from './gates/balances';
import { GATES_PATH } from './gates/alexGates';
import { createGateEndpoint } from './gates/gateEndpoint';
import { HOSTILE_GATES_PATH, hostileEndpointGates } from './gates/hostileCreator';
import type { GateAttempt } from './gates/types';
import { createDemoHub, type DemoHub } from './hub/demoHub';
import { ALEX_OFFER_LIST, OFFERS_PATH } from './offers/alexOffers';
import { createOfferEndpoint, type BookingAttempt } from './offers/offerEndpoint';
import { devnetClaimsFiles } from '../devnet/incomeManifest';
import { htmlRoute, jsonRoute, type DemoOrigins, type Route, type Routes } from './routes';

export type { DemoOrigins } from './routes';
export type { GateAttempt } from './gates/types';
export type { BookingAttempt } from './offers/offerEndpoint';

export interface DemoServerOptions {
  /** Ports of the three sites; 0 picks a free port. Defaults 4101, 4102, 4103. */
  alexPort?: number;
  mikePort?: number;
  otherPort?: number;
  /**
   * Where gate endpoints read token balances, by chain id; defaults to the devnet build's RPCs
   * (http://127.0.0.1:8545 and :8546). Pass the anvils' own URLs to keep these reads out of an
   * RPC proxy that counts the extension's requests.
   */
  rpcUrls?: Record<number, string>;
}

export interface LoggedRequest {
  method: string;
  /** Path and query as requested. */
  path: string;
  /** The site that received it, e.g. `http://localhost:4101`. */
  origin: string;
}

export interface DemoServer {
  origins: DemoOrigins;
  /** Alex's Snapshot-compatible vote hub, at `${origins.alex}/hub`; empty until `seedHub(hub, chain)` (hub/seed.ts) runs on a devnet. */
  hub: DemoHub;
  /** Every request received so far, oldest first; only those to `origin` if given. */
  requests(origin?: string): LoggedRequest[];
  resetRequests(): void;
  /** Every POST to a gate endpoint's /unlock so far (Alex's `/gates`, the hostile creator's), oldest first; only those to `origin` if given. */
  gateAttempts(origin?: string): GateAttempt[];
  resetGateAttempts(): void;
  /** Every POST to Alex's booking endpoint (`/offers/book`) so far, oldest first. */
  bookings(): BookingAttempt[];
  resetBookings(): void;
  /** Alex's booking endpoint answers the next `count` bookings with 503 (for "Book again"). */
  failNextBookings(count: number): void;
  stop(): Promise<void>;
}

/** A part of a site that answers requests itself (the vote hub, gate endpoints). */
interface DynamicRoute {
  handles(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

function creatorRoutes(creator: DemoCreator, origin: string): Routes {
  return new Map([
    ['/', htmlRoute(creatorHomePage(creator))],
    [MANIFEST_PATH, jsonRoute(creatorManifest(creator, origin))],
    ...(creator.key === 'alex' ? devnetClaimsFiles().map(([path, file]): [string, Route] => [path, jsonRoute(file)]) : []),
    ...(creator.key === 'alex' ? alexEnsRoutes() : []),
  ]);
}

function send(res: ServerResponse, route: Route | undefined): void {
  const {
    contentType,
    body,
    status = 200,
    chunked = false,
  } = route ?? { contentType: 'text/plain; charset=utf-8', body: 'Not found', status: 404 };
  // no-store: a test that counts requests must not be fooled by the browser's cache.
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', 'no-store');
  // Public data files (manifests, claims files) are readable from any origin, as the README asks
  // creators to serve them: the extension's background fetches claims files cross-origin.
  if (contentType.startsWith('application/json')) res.setHeader('Access-Control-Allow-Origin', '*');
  if (!chunked) res.setHeader('Content-Length', Buffer.byteLength(body));
  res.writeHead(status);
  if (!chunked) return void res.end(body);
  const bytes = Buffer.from(body);
  for (let i = 0; i < bytes.length; i += 8192) res.write(bytes.subarray(i, i + 8192));
  res.end();
}

// Binds 127.0.0.1 and, where the host has it, ::1: "localhost" may resolve to either, and a
// browser that tries ::1 first must not be refused. Nothing listens beyond loopback.
async function listen(
  port: number,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ port: number; servers: Server[] }> {
  const open = (host: string, p: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer(handler);
      server.once('error', reject);
      server.listen(p, host, () => resolve(server));
    });
  const v4 = await open('127.0.0.1', port);
  const actual = (v4.address() as AddressInfo).port;
  const servers = [v4];
  try {
    servers.push(await open('::1', actual));
  } catch {
    // No IPv6 loopback here: IPv4 alone is enough.
  }
  return { port: actual, servers };
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const log: LoggedRequest[] = [];
  const routesByOrigin = new Map<string, Routes>();
  const servers: Server[] = [];
  const dynamic = new Map<string, DynamicRoute[]>();
  const attempts: GateAttempt[] = [];
  const site = async (port: number): Promise<string> => {
    const bound = await listen(port, (req, res) => {
      const origin = `http://localhost:${bound.port}`;
      const path = req.url ?? '/';
      log.push({ method: req.method ?? 'GET', path, origin });
      const handler = dynamic.get(origin)?.find((d) => d.handles(new URL(path, origin).pathname));
      if (handler) return void handler.handle(req, res).catch(() => res.destroy());
      const route =
        req.method === 'GET' || req.method === 'HEAD' ? routesByOrigin.get(origin)?.get(new URL(path, origin).pathname) : undefined;
      send(res, route);
    });
    servers.push(...bound.servers);
    return `http://localhost:${bound.port}`;
  };
  try {
    const origins: DemoOrigins = {
      alex: await site(opts.alexPort ?? 4101),
      mike: await site(opts.mikePort ?? 4102),
      other: await site(opts.otherPort ?? 4103),
    };
    routesByOrigin.set(origins.alex, creatorRoutes(ALEX, origins.alex));
    routesByOrigin.set(origins.mike, creatorRoutes(MIKE, origins.mike));
    routesByOrigin.set(origins.other, new Map([...otherOriginRoutes(origins), ...lookalikeRoutes()]));
    const hub = createDemoHub({
      basePath: HUB_PATH,
      space: ALEX.votes!.space,
      countLiquidity: ALEX.votes!.countLiquidity,
      chainId: ALEX.chainId,
      token: ALEX.token,
      symbol: ALEX.symbol,
    });
    const rpcUrls = { ...defaultRpcUrls(), ...opts.rpcUrls };
    const readBalance = createBalanceReader(rpcUrls);
    const record = (attempt: GateAttempt) => void attempts.push(attempt);
    const alexToken = { chainId: ALEX.chainId, address: ALEX.token, symbol: ALEX.symbol, decimals: 18 };
    const gateEndpoint = (origin: string, basePath: string, gates: NonNullable<DemoCreator['gates']>) =>
      createGateEndpoint({ origin, basePath, gates, token: alexToken, readBalance, record });
    const bookings: BookingAttempt[] = [];
    const offerEndpoint = createOfferEndpoint({
      origin: origins.alex,
      basePath: OFFERS_PATH,
      offers: ALEX_OFFER_LIST,
      token: alexToken,
      rpcUrls,
      record: (attempt) => void bookings.push(attempt),
    });
    dynamic.set(origins.alex, [hub, gateEndpoint(origins.alex, GATES_PATH, ALEX.gates!), offerEndpoint]);
    // The hostile creator claims $ALEX too, and "unlocks" for anyone who signs in to its own domain.
    dynamic.set(origins.other, [gateEndpoint(origins.other, HOSTILE_GATES_PATH, hostileEndpointGates(origins.other))]);
    return {
      origins,
      hub,
      requests: (origin) => log.filter((r) => origin === undefined || r.origin === origin).map((r) => ({ ...r })),
      resetRequests: () => void log.splice(0),
      gateAttempts: (origin) => attempts.filter((a) => origin === undefined || a.origin === origin).map((a) => ({ ...a })),
      resetGateAttempts: () => void attempts.splice(0),
      bookings: () => bookings.map((b) => ({ ...b })),
      resetBookings: () => void bookings.splice(0),
      failNextBookings: (count) => offerEndpoint.failNextBookings(count),
      stop: async () => void (await Promise.all(servers.map(close))),
    };
  } catch (error) {
    await Promise.all(servers.map(close));
    throw error;
  }
}
