import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { SiweMessage, generateNonce } from 'siwe';
import { erc20Abi, keccak256, toHex, type Hex } from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { DEVNET_A } from '@/lib/chain/devnet';
import { validateTarget } from '@/lib/protocol/cli/validateTarget';
import { validateManifest } from '@/lib/protocol/validateManifest';
import { DEVNET_HOLDERS, startDevnet, type Devnet } from '../devnet/devnet';
import { devnetClient } from '../devnet/client';
import { startDemoServer, type DemoServer } from '../demo-server/server';
import { ALEX_GATES, ALEX_GATE_LIST, alexGatesEndpoint } from '../demo-server/gates/alexGates';
import { MAX_UNLOCK_BODY } from '../demo-server/gates/gateEndpoint';
import {
  HOSTILE_CODE_CONTENT,
  HOSTILE_CREATOR_MANIFEST_PATH,
  HOSTILE_CREATOR_PATH,
  HOSTILE_CREATOR_TITLE,
  HOSTILE_GATES,
  HOSTILE_GATES_PATH,
  HOSTILE_LINK_CONTENT,
  HOSTILE_POST_PROBES,
  HOSTILE_POST_VISIBLE_TEXT,
  hostilePayloads,
  probeUrl,
} from '../demo-server/gates/hostileCreator';
import { NonceBook, NONCE_TTL_MS } from '../demo-server/gates/nonces';

// Gated unlocks, server side, against a real devnet: Alex's gate endpoint checks SIWE with the
// independent `siwe` package, its own nonces, the gate named in the message and the balance on
// chain; the hostile creator's endpoint hands its payloads to anyone who signs in to it.

let devnet: Devnet;
let demo: DemoServer;
let alexEndpoint: string;
let hostileEndpoint: string;

const ALEX = 10n ** 18n;
const holder1 = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d'); // 12,500 ALEX
const holder3 = privateKeyToAccount(DEVNET_HOLDERS.holder3.privateKey); // 0 ALEX
const holder4 = privateKeyToAccount(DEVNET_HOLDERS.holder4.privateKey); // exactly 1 ALEX
const halfHolder = privateKeyToAccount(keccak256(toHex('gates-test-half-holder'))); // 0.5 ALEX, sent in beforeAll
const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;
const hostOf = (origin: string) => new URL(origin).host;

beforeAll(async () => {
  devnet = await startDevnet({ portA: 18945, portB: 18946 });
  const rpcUrls = { [devnet.chains[0].chainId]: devnet.chains[0].rpcUrl, [devnet.chains[1].chainId]: devnet.chains[1].rpcUrl };
  demo = await startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0, rpcUrls });
  alexEndpoint = alexGatesEndpoint(demo.origins.alex);
  hostileEndpoint = `${demo.origins.other}${HOSTILE_GATES_PATH}`;
  const client = devnetClient(devnet.chains[0].rpcUrl);
  const hash = await client.writeContract({
    account: DEVNET_HOLDERS.holder2.address,
    chain: null,
    address: DEVNET_A.creatorToken,
    abi: erc20Abi,
    functionName: 'transfer',
    args: [halfHolder.address, ALEX / 2n],
  });
  await client.waitForTransactionReceipt({ hash });
});
afterAll(async () => {
  await demo?.stop();
  await devnet?.stop();
});
beforeEach(() => demo.resetGateAttempts());

async function getNonce(endpoint: string): Promise<string> {
  const res = await fetch(`${endpoint}/nonce`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { nonce: string }).nonce;
}

interface SignIn {
  account?: PrivateKeyAccount;
  /** The domain the message is bound to; the endpoint's own host unless given. */
  domain?: string;
  nonce?: string;
  requestId?: string;
  chainId?: number;
  expirationTime?: string;
  /** Signs with another key than the message names. */
  signer?: PrivateKeyAccount;
}

/** What the extension does: fetch a nonce, build the EIP-4361 text, have the wallet sign it. */
async function signIn(endpoint: string, gate: string, o: SignIn = {}): Promise<{ gate: string; message: string; signature: Hex }> {
  const account = o.account ?? holder1;
  const domain = o.domain ?? hostOf(endpoint);
  const message = new SiweMessage({
    domain,
    address: account.address,
    statement: 'Unlock holder content on this site.',
    uri: `http://${domain}/`,
    version: '1',
    chainId: o.chainId ?? DEVNET_A.chainId,
    nonce: o.nonce ?? (await getNonce(endpoint)),
    issuedAt: new Date().toISOString(),
    expirationTime: o.expirationTime ?? new Date(Date.now() + 5 * 60_000).toISOString(),
    requestId: o.requestId ?? gate,
  }).prepareMessage();
  return { gate, message, signature: await (o.signer ?? account).signMessage({ message }) };
}

async function post(endpoint: string, body: unknown): Promise<{ status: number; body: Record<string, string>; cors: string | null }> {
  const res = await fetch(`${endpoint}/unlock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string>, cors: res.headers.get('access-control-allow-origin') };
}

const unlock = async (endpoint: string, gate: string, o?: SignIn) => post(endpoint, await signIn(endpoint, gate, o));

describe('manifests and pages', () => {
  test("Alex's page and the hostile creator's page validate, each with its gates", async () => {
    const alex = await validateTarget(`${demo.origins.alex}/`);
    expect(alex.ok, alex.lines.join('\n')).toBe(true);
    const hostile = await validateTarget(`${demo.origins.other}${HOSTILE_CREATOR_PATH}`);
    expect(hostile.ok, hostile.lines.join('\n')).toBe(true);
    expect(hostile.lines.join('\n')).toContain('4 gates');

    const manifest = validateManifest(await (await fetch(`${demo.origins.alex}/personal-token.json`)).text(), {
      expectedToken: `eip155:31337/erc20:${DEVNET_A.creatorToken}`,
    });
    if (!manifest.ok) throw new Error(JSON.stringify(manifest.errors));
    expect(manifest.manifest.gates).toEqual(
      ALEX_GATE_LIST.map((g) => ({ id: g.id, title: g.title, kind: g.kind, minBalance: g.minBalance.toString(), endpoint: alexEndpoint })),
    );
    expect(manifest.manifest.gates.map((g) => [g.id, g.minBalance])).toEqual([
      ['monthly-notes', '1000000000000000000'],
      ['holders-chat', '1000000000000000000'],
      ['merch-discount', '100000000000000000000'],
      ['hour-with-alex', '25000000000000000000000'],
    ]);

    const hostileManifest = validateManifest(await (await fetch(`${demo.origins.other}${HOSTILE_CREATOR_MANIFEST_PATH}`)).text());
    if (!hostileManifest.ok) throw new Error(JSON.stringify(hostileManifest.errors));
    expect(hostileManifest.manifest.gates.map((g) => [g.id, g.kind, g.endpoint])).toEqual([
      ['hostile-post', 'post', hostileEndpoint],
      ['hostile-link', 'link', hostileEndpoint],
      ['hostile-code', 'code', hostileEndpoint],
      ['monthly-notes', 'post', alexEndpoint],
    ]);
  });

  test("Alex's home page shows every gate as a block with its teaser; Mike's has none", async () => {
    const html = await (await fetch(`${demo.origins.alex}/`)).text();
    for (const g of ALEX_GATE_LIST) {
      expect(html).toContain(`data-personal-token-gate="${g.id}"`);
      expect(html).toContain(g.teaser);
      expect(html).not.toContain(g.content.slice(0, 40)); // the content is never in the page
    }
    expect(await (await fetch(`${demo.origins.mike}/`)).text()).not.toContain('data-personal-token-gate');
  });

  test('the hostile page declares ALEX, lies about the sign-in domain and carries its page script', async () => {
    const html = await (await fetch(`${demo.origins.other}${HOSTILE_CREATOR_PATH}`)).text();
    expect(html).toContain(`<title>${HOSTILE_CREATOR_TITLE}</title>`);
    expect(html).toContain(`<meta name="personal-token" content="eip155:31337/erc20:${DEVNET_A.creatorToken}">`);
    expect(html).toContain(`<meta name="siwe-domain" content="${hostOf(demo.origins.alex)}">`);
    for (const g of Object.values(HOSTILE_GATES))
      expect(html).toContain(`data-personal-token-gate="${g.id}" data-siwe-domain="${hostOf(demo.origins.alex)}"`);
    for (const marker of ['__ptcFoundShadow', '__ptcFakeWalletCalls', 'eip6963:requestProvider', 'Totally MetaMask', 'id="fake-unlock"'])
      expect(html).toContain(marker);
  });
});

describe("Alex's gates", () => {
  test('nonces are random, alphanumeric and at least 17 characters', async () => {
    const nonces = await Promise.all([1, 2, 3].map(() => getNonce(alexEndpoint)));
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9]{17,}$/);
    expect(new Set(nonces).size).toBe(3);
  });

  test('a holder of 12,500 ALEX unlocks every gate but the 25,000 ALEX one, which says what is missing', async () => {
    for (const g of [ALEX_GATES.monthlyNotes, ALEX_GATES.holdersChat, ALEX_GATES.merchDiscount]) {
      const res = await unlock(alexEndpoint, g.id);
      expect(res).toEqual({ status: 200, body: { gate: g.id, kind: g.kind, content: g.content }, cors: null });
    }
    const hour = await unlock(alexEndpoint, ALEX_GATES.hourWithAlex.id);
    expect(hour.status).toBe(403);
    expect(hour.body).toEqual({ error: 'You need 25,000 ALEX to unlock "Book an hour with Alex"; 0x7099…79C8 holds 12,500 ALEX.' });
    expect(demo.gateAttempts(demo.origins.alex)).toEqual([
      ...['monthly-notes', 'holders-chat', 'merch-discount'].map((gate) => ({
        origin: demo.origins.alex,
        gate,
        address: holder1.address,
        outcome: 'unlocked',
        status: 200,
        siweDomain: hostOf(demo.origins.alex),
      })),
      {
        origin: demo.origins.alex,
        gate: 'hour-with-alex',
        address: holder1.address,
        outcome: 'refused',
        status: 403,
        reason: hour.body.error,
        siweDomain: hostOf(demo.origins.alex),
      },
    ]);
  });

  test('balances at and under the threshold: exactly 1 ALEX unlocks 1 ALEX gates; 0.5 and 0 do not', async () => {
    expect((await unlock(alexEndpoint, 'monthly-notes', { account: holder4 })).status).toBe(200);
    expect((await unlock(alexEndpoint, 'merch-discount', { account: holder4 })).body.error).toBe(
      `You need 100 ALEX to unlock "20% off Alex merch"; ${short(holder4.address)} holds 1 ALEX.`,
    );
    expect(await unlock(alexEndpoint, 'monthly-notes', { account: halfHolder })).toMatchObject({
      status: 403,
      body: { error: `You need 1 ALEX to unlock "Monthly notes — November"; ${short(halfHolder.address)} holds 0.5 ALEX.` },
    });
    expect(await unlock(alexEndpoint, 'holders-chat', { account: holder3 })).toMatchObject({
      status: 403,
      body: { error: `You need 1 ALEX to unlock "Private holders chat"; ${short(holder3.address)} holds 0 ALEX.` },
    });
  });

  test('a sign-in bound to another domain (the hostile page claiming Alex) is refused, and does not burn the nonce', async () => {
    const nonce = await getNonce(alexEndpoint);
    const other = hostOf(demo.origins.other);
    const res = await unlock(alexEndpoint, 'monthly-notes', { domain: other, nonce });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe(
      `This sign-in message is for ${other}, not for this site (${hostOf(demo.origins.alex)}); a site only accepts proofs signed for its own domain.`,
    );
    expect(demo.gateAttempts(demo.origins.alex)).toEqual([
      {
        origin: demo.origins.alex,
        gate: 'monthly-notes',
        address: holder1.address,
        outcome: 'refused',
        status: 401,
        reason: res.body.error,
        siweDomain: other,
      },
    ]);
    expect((await unlock(alexEndpoint, 'monthly-notes', { nonce })).status).toBe(200);
  });

  test('nonces: single use, issued by this site only', async () => {
    const nonce = await getNonce(alexEndpoint);
    expect((await unlock(alexEndpoint, 'monthly-notes', { nonce })).status).toBe(200);
    expect(await unlock(alexEndpoint, 'holders-chat', { nonce })).toMatchObject({
      status: 401,
      body: { error: 'This sign-in message was already used; ask for a new nonce and sign again.' },
    });
    const replay = await signIn(alexEndpoint, 'merch-discount');
    expect((await post(alexEndpoint, replay)).status).toBe(200);
    expect((await post(alexEndpoint, replay)).status).toBe(401);
    expect(await unlock(alexEndpoint, 'monthly-notes', { nonce: generateNonce() })).toMatchObject({
      status: 401,
      body: { error: expect.stringContaining('a nonce this site did not issue') },
    });
    // The hostile site's nonce is not Alex's.
    expect((await unlock(alexEndpoint, 'monthly-notes', { nonce: await getNonce(hostileEndpoint) })).status).toBe(401);
  });

  test('a nonce is forgotten after 10 minutes', () => {
    let now = 1_000_000;
    const book = new NonceBook({ now: () => now });
    const [a, b] = [book.issue(), book.issue()];
    expect(book.take(a)).toBe('fresh');
    expect(book.take(a)).toBe('used');
    now += NONCE_TTL_MS;
    expect(book.take(b)).toBe('unknown');
  });

  test('expired, for another gate, for another chain, signed by another key, or not in the EIP-4361 layout: refused with the reason', async () => {
    const cases: [SignIn & { gate?: string }, RegExp][] = [
      [{ expirationTime: new Date(Date.now() - 1_000).toISOString() }, /^This sign-in message expired at .+; sign a new one\.$/],
      [
        { requestId: 'holders-chat' },
        /^This sign-in message was signed for "holders-chat", not for "monthly-notes"; sign again for this gate\.$/,
      ],
      [{ chainId: 31338 }, /^This sign-in message is for chain 31338, but ALEX is on chain 31337\.$/],
      [{ signer: holder3 }, /^The signature was not made by 0x7099…79C8, the account the sign-in message names\.$/],
    ];
    for (const [o, reason] of cases) {
      const res = await unlock(alexEndpoint, 'monthly-notes', o);
      expect(res.status, reason.source).toBe(401);
      expect(res.body.error).toMatch(reason);
    }
    const signed = await signIn(alexEndpoint, 'monthly-notes');
    const garbage = await post(alexEndpoint, { ...signed, signature: `0x${'11'.repeat(65)}` });
    expect(garbage).toMatchObject({ status: 401, body: { error: expect.stringContaining('The signature was not made by') } });
    // Parses, but reads back as "Chain ID: 31337": siwe would check the signature over other text.
    const padded = signed.message.replace('Chain ID: 31337', 'Chain ID: 031337');
    const nonCanonical = await post(alexEndpoint, {
      ...signed,
      message: padded,
      signature: await holder1.signMessage({ message: padded }),
    });
    expect(nonCanonical).toMatchObject({
      status: 401,
      body: {
        error:
          'The sign-in message is not laid out exactly as EIP-4361 writes it (line 8 differs); build it field by field in the standard order.',
      },
    });
    const lowercase = await post(alexEndpoint, {
      ...signed,
      message: signed.message.replace(holder1.address, holder1.address.toLowerCase()),
    });
    expect(lowercase).toMatchObject({
      status: 401,
      body: {
        error: expect.stringMatching(/^The message is not a Sign-In with Ethereum \(EIP-4361\) message \(line 2: invalid EIP-55 address/),
      },
    });
    const notSiwe = await post(alexEndpoint, { ...signed, message: 'Please sign this to unlock' });
    expect(notSiwe).toMatchObject({
      status: 401,
      body: { error: 'The message is not a Sign-In with Ethereum (EIP-4361) message; sign the message the companion builds.' },
    });
    // None of those used the nonce up.
    expect((await post(alexEndpoint, signed)).status).toBe(200);
    expect(demo.gateAttempts().map((a) => a.outcome)).toEqual([...Array(8).fill('refused'), 'unlocked']);
  });

  test('malformed, unknown and oversized requests', async () => {
    const signed = await signIn(alexEndpoint, 'monthly-notes');
    expect(await post(alexEndpoint, 'not json')).toMatchObject({ status: 400, body: { error: expect.stringContaining('not JSON') } });
    expect((await post(alexEndpoint, [signed])).status).toBe(400);
    expect((await post(alexEndpoint, { gate: 'monthly-notes', message: signed.message })).status).toBe(400);
    expect(await post(alexEndpoint, { ...signed, signature: 'zz' })).toMatchObject({
      status: 400,
      body: { error: 'The signature must be a 0x-prefixed hex string.' },
    });
    expect(await post(alexEndpoint, { ...signed, gate: 'vip-lounge' })).toMatchObject({
      status: 404,
      body: { error: 'There is no gate "vip-lounge" on this site.' },
    });
    const big = await post(alexEndpoint, { ...signed, padding: 'x'.repeat(MAX_UNLOCK_BODY) });
    expect(big).toMatchObject({ status: 413, body: { error: expect.stringContaining('larger than 16 KiB') } });
    expect(demo.gateAttempts().map((a) => [a.status, a.gate])).toEqual([
      [400, ''],
      [400, ''],
      [400, 'monthly-notes'],
      [400, 'monthly-notes'],
      [404, 'vip-lounge'],
      [413, ''],
    ]);

    expect((await fetch(`${alexEndpoint}/unlock`)).status).toBe(405);
    expect((await fetch(`${alexEndpoint}/other`)).status).toBe(404);
    const nonce = await fetch(`${alexEndpoint}/nonce`);
    expect(nonce.headers.get('access-control-allow-origin')).toBeNull();
    expect(nonce.headers.get('cache-control')).toBe('no-store');
    // Still works after all that.
    expect((await post(alexEndpoint, signed)).status).toBe(200);
  });
});

describe("the hostile creator's gates", () => {
  test('unlock for anyone signed in to its own domain, and return the payloads as they are', async () => {
    const post_ = await unlock(hostileEndpoint, 'hostile-post', { account: holder3 });
    expect(post_.status).toBe(200);
    expect(post_.body).toMatchObject({ gate: 'hostile-post', kind: 'post' });
    expect(post_.body.content).toContain(HOSTILE_POST_VISIBLE_TEXT);
    for (const p of hostilePayloads(demo.origins.other)) expect(post_.body.content).toContain(p.html);
    expect(
      HOSTILE_POST_PROBES.filter(
        (p) => !post_.body.content!.includes(p === 'base-href' ? '?p=base-href' : probeUrl(demo.origins.other, p)),
      ),
    ).toEqual([]);
    expect(new Set(HOSTILE_POST_PROBES).size).toBe(HOSTILE_POST_PROBES.length);
    expect(HOSTILE_POST_PROBES).toEqual(
      expect.arrayContaining([
        'script',
        'onerror',
        'svg-onload',
        'js-href',
        'iframe',
        'object',
        'embed',
        'link-css',
        'style-import',
        'meta-refresh',
        'form-action',
        'base-href',
        'srcdoc',
        'formaction',
        'xlink',
        'css-url',
        'mxss-noscript',
      ]),
    );

    expect((await unlock(hostileEndpoint, 'hostile-link')).body).toEqual({
      gate: 'hostile-link',
      kind: 'link',
      content: HOSTILE_LINK_CONTENT,
    });
    expect((await unlock(hostileEndpoint, 'hostile-code')).body).toEqual({
      gate: 'hostile-code',
      kind: 'code',
      content: HOSTILE_CODE_CONTENT,
    });
    expect(demo.gateAttempts(demo.origins.other).map((a) => [a.gate, a.outcome])).toEqual([
      ['hostile-post', 'unlocked'],
      ['hostile-link', 'unlocked'],
      ['hostile-code', 'unlocked'],
    ]);
  });

  test('it still checks the sign-in: a message for Alex’s domain is refused, and it does not serve Alex’s gate', async () => {
    expect((await unlock(hostileEndpoint, 'hostile-post', { domain: hostOf(demo.origins.alex) })).status).toBe(401);
    expect((await unlock(hostileEndpoint, 'monthly-notes')).status).toBe(404);
  });
});

test('a gate endpoint that cannot reach the chain says so instead of unlocking', async () => {
  const offline = await startDemoServer({ alexPort: 0, mikePort: 0, otherPort: 0, rpcUrls: { [DEVNET_A.chainId]: 'http://127.0.0.1:9' } });
  try {
    const res = await unlock(alexGatesEndpoint(offline.origins.alex), 'monthly-notes');
    expect(res).toMatchObject({
      status: 503,
      body: { error: 'This site could not read ALEX balances on chain 31337 right now; try again in a minute.' },
    });
    expect(offline.gateAttempts()).toMatchObject([{ outcome: 'refused', status: 503 }]);
  } finally {
    await offline.stop();
  }
});
