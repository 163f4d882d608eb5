import { describe, expect, test } from 'vitest';
import { hubPowerDiffers, hubVotingPower, VP_QUERY } from './hubVotingPower';

const E18 = 10n ** 18n;
const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });

describe("the hub's own voting power", () => {
  test("asks Snapshot's vp(voter, space, proposal) and reads { vp }", async () => {
    const sent: unknown[] = [];
    const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      sent.push(JSON.parse(String(init?.body)));
      return json({ data: { vp: { vp: 23_500, vp_by_strategy: [22_500, 1_000], vp_state: 'final' } } });
    }) as typeof globalThis.fetch;
    const where = { voter: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', space: 'alex.eth', proposal: '0xabc' };
    expect(await hubVotingPower('https://hub.test/', where, { fetch })).toBe(23_500);
    expect(sent).toEqual([{ query: VP_QUERY, variables: where }]);
  });

  test('a hub without the query, an error or nonsense gives null (the card shows its own figure alone)', async () => {
    const where = { voter: '0x0000000000000000000000000000000000000001', space: 's', proposal: 'p' };
    const answering = (body: unknown, status = 200) => ({ fetch: (async () => json(body, status)) as typeof globalThis.fetch });
    expect(
      await hubVotingPower(
        'https://hub.test',
        where,
        answering({ errors: [{ message: 'Cannot query field "vp" on type "Query".' }] }, 400),
      ),
    ).toBeNull();
    expect(
      await hubVotingPower('https://hub.test', where, answering({ data: { vp: null }, errors: [{ message: 'strategy failed' }] })),
    ).toBeNull();
    expect(await hubVotingPower('https://hub.test', where, answering({ data: { vp: { vp: -1 } } }))).toBeNull();
    expect(
      await hubVotingPower('https://hub.test', where, {
        fetch: (async () => Promise.reject(new TypeError('offline'))) as typeof globalThis.fetch,
      }),
    ).toBeNull();
  });

  test('differs only beyond float rounding', () => {
    expect(hubPowerDiffers(22_500n * E18, 18, 22_500)).toBe(false);
    expect(hubPowerDiffers(123_456_789_123_456_789_123n, 18, 123.45678912345679)).toBe(false);
    expect(hubPowerDiffers(22_500n * E18, 18, 23_500)).toBe(true);
    expect(hubPowerDiffers(0n, 18, 1)).toBe(true);
    expect(hubPowerDiffers(0n, 18, 0)).toBe(false);
    expect(hubPowerDiffers(E18 / 2n, 18, 0.4)).toBe(true);
  });
});
