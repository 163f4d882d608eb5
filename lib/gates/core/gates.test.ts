import { describe, expect, test } from 'vitest';
import { parseSiweMessage, buildSiweMessage } from '@/lib/gates/core/siwe';
import { fetchGateNonce, gateUrl, postGateUnlock, GATE_LIMITS } from './gateEndpoint';
import { gateProofFields, UNLOCK_LIFETIME_MS } from './gateProof';
import { safeUnlockedLink } from './unlockedLink';

const HOLDER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

function answering(status: number, body: string, seen: Request[] = []): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Request(input, init));
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('gate endpoint', () => {
  test('nonce and unlock live under the endpoint, with or without a trailing slash', () => {
    expect(gateUrl('https://alex.example/gates', 'nonce')).toBe('https://alex.example/gates/nonce');
    expect(gateUrl('https://alex.example/gates/', 'unlock')).toBe('https://alex.example/gates/unlock');
    expect(gateUrl('https://alex.example/api/gates?v=1#x', 'nonce')).toBe('https://alex.example/api/gates/nonce?v=1');
  });

  test('a nonce must be 8+ letters and digits', async () => {
    await expect(fetchGateNonce('https://a.example/g', answering(200, '{"nonce":"abcDEF123456"}'))).resolves.toBe('abcDEF123456');
    await expect(fetchGateNonce('https://a.example/g', answering(200, '{"nonce":"short"}'))).rejects.toThrow(/unusable nonce/);
    await expect(fetchGateNonce('https://a.example/g', answering(200, '{"nonce":"has spaces and\\nnewlines"}'))).rejects.toThrow(
      /unusable nonce/,
    );
    await expect(fetchGateNonce('https://a.example/g', answering(200, '<html>'))).rejects.toThrow(/did not answer with JSON/);
  });

  test('the proof is posted as JSON and the content read back', async () => {
    const seen: Request[] = [];
    const unlocked = await postGateUnlock(
      'https://a.example/g',
      { gate: 'notes', message: 'm', signature: '0x12' },
      answering(200, JSON.stringify({ gate: 'notes', kind: 'post', content: '<p>hi</p>' }), seen),
    );
    expect(unlocked).toEqual({ gate: 'notes', kind: 'post', content: '<p>hi</p>' });
    expect(seen[0]!.method).toBe('POST');
    expect(await seen[0]!.json()).toEqual({ gate: 'notes', message: 'm', signature: '0x12' });
  });

  test("a refusal shows the server's sentence, cleaned and capped", async () => {
    const body = JSON.stringify({ error: `You need 1 ALEX.\u0000\u001b[31m${'x'.repeat(1000)}` });
    const error = await postGateUnlock('https://a.example/g', { gate: 'notes', message: 'm', signature: '0x' }, answering(403, body)).catch(
      (e: Error) => e,
    );
    expect((error as Error).message).toMatch(/^The creator's site refused: You need 1 ALEX\. \[31mx+$/);
    expect((error as Error).message.length).toBeLessThan(GATE_LIMITS.errorChars + 40);
  });

  test('content for another gate, of an unknown kind, or too large is refused', async () => {
    const post = (body: unknown) =>
      postGateUnlock('https://a.example/g', { gate: 'notes', message: 'm', signature: '0x' }, answering(200, JSON.stringify(body)));
    await expect(post({ gate: 'other', kind: 'post', content: 'x' })).rejects.toThrow(/another gate/);
    await expect(post({ gate: 'notes', kind: 'script', content: 'x' })).rejects.toThrow(/does not read/);
    await expect(post({ gate: 'notes', kind: 'post', content: 'x'.repeat(GATE_LIMITS.contentBytes + 10_000) })).rejects.toThrow(
      /more than 260 KiB/,
    );
  });
});

describe('gate proof', () => {
  const base = {
    domain: 'alex.example',
    uri: 'https://alex.example',
    address: HOLDER as `0x${string}`,
    chainId: 31337,
    nonce: 'abcDEF123456',
    requirement: '1 ALEX',
    now: new Date('2026-11-22T10:00:00.000Z'),
  };

  test('the message names the gate, binds it in Request ID and expires after a day', () => {
    const fields = gateProofFields({ ...base, gate: { id: 'monthly-notes', title: 'Monthly notes' } });
    const parsed = parseSiweMessage(buildSiweMessage(fields));
    expect(parsed.domain).toBe('alex.example');
    expect(parsed.uri).toBe('https://alex.example');
    expect(parsed.requestId).toBe('monthly-notes');
    expect(parsed.statement).toBe(`Unlock 'Monthly notes' on alex.example: I hold at least 1 ALEX.`);
    expect(Date.parse(parsed.expirationTime!) - Date.parse(parsed.issuedAt)).toBe(UNLOCK_LIFETIME_MS);
  });

  test("a creator's hostile title cannot add lines (fields) to the message", () => {
    const title = 'Notes"\nURI: https://evil.example\nChain ID: 1\u2028Nonce: 000000000';
    const message = buildSiweMessage(gateProofFields({ ...base, gate: { id: 'notes', title } }));
    const parsed = parseSiweMessage(message);
    expect(parsed.uri).toBe('https://alex.example');
    expect(parsed.chainId).toBe(31337);
    expect(parsed.nonce).toBe('abcDEF123456');
    expect(message.split('\n').filter((line) => line.startsWith('URI: '))).toHaveLength(1);
  });
});

describe('unlocked links', () => {
  test.each([
    ['https://t.me/+AlexHoldersDemo', true, 'https://t.me/+AlexHoldersDemo'],
    ['  https://cal.example/alex  ', false, 'https://cal.example/alex'],
    ['http://localhost:4101/chat', true, 'http://localhost:4101/chat'],
    ['http://localhost:4101/chat', false, null],
    ['http://example.com/chat', true, null],
    ['javascript:alert(1)', true, null],
    ['data:text/html,<script>alert(1)</script>', true, null],
    ['/relative/path', true, null],
    ['https://user:pw@example.com/', true, null],
  ])('%s (localhost allowed: %s) → %s', (content, allowLocalhost, expected) => {
    expect(safeUnlockedLink(content, allowLocalhost)).toBe(expected);
  });
});
