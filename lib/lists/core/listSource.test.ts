import { describe, expect, test } from 'vitest';
import devnetJson from '@/lib/detect/lists/devnet.tokenlist.json';
import { LIST_REFETCH_AFTER_MS, listIsDue, listUrlProblem, parseListText } from './listSource';

const URL = 'https://lists.example/creators.json';

describe('list addresses', () => {
  test('https anywhere, http only on this machine, nothing else', () => {
    expect(listUrlProblem(URL)).toBeUndefined();
    expect(listUrlProblem('http://127.0.0.1:8080/list.json')).toBeUndefined();
    expect(listUrlProblem('http://lists.example/list.json')).toBe(
      "The list address must use https:// (http:// is allowed only for localhost); paste the full https:// address of the list's JSON file.",
    );
    expect(listUrlProblem('lists.example/list.json')).toMatch(/^The list address is not a full URL/);
    expect(listUrlProblem('ftp://lists.example/list.json')).toMatch(/must start with https:\/\//);
  });
});

describe('fetched at most daily', () => {
  test('due a day after the last attempt, good or not', () => {
    const now = 10 * LIST_REFETCH_AFTER_MS;
    expect(listIsDue({ lastAttemptAt: now - LIST_REFETCH_AFTER_MS, fetchedAt: 0 }, now)).toBe(true);
    expect(listIsDue({ lastAttemptAt: now - LIST_REFETCH_AFTER_MS + 1, fetchedAt: null }, now)).toBe(false);
    expect(listIsDue({ lastAttemptAt: now - 1000, fetchedAt: now - 5 * LIST_REFETCH_AFTER_MS }, now)).toBe(false);
  });
});

describe('a broken list is explained in one sentence', () => {
  test('a valid list passes, with or without our domains extension', () => {
    const [alex] = devnetJson.tokens;
    const plain = { ...devnetJson, tokens: [{ ...alex, extensions: undefined }] };
    const parsed = parseListText(URL, JSON.stringify(plain));
    expect(parsed.ok && parsed.list.tokens.map((t) => [t.symbol, t.extensions])).toEqual([['ALEX', undefined]]);
    expect(parseListText(URL, JSON.stringify(devnetJson)).ok).toBe(true);
  });

  test('not JSON, or not the schema: one sentence naming the list and the first problem', () => {
    expect(parseListText(URL, '<html>not found</html>')).toEqual({
      ok: false,
      error: `The list at ${URL} is not valid JSON, so it was not used; ask its publisher to fix it or remove it.`,
    });
    const bad = { ...devnetJson, tokens: devnetJson.tokens.map((t) => ({ ...t, decimals: -1, address: '0x12' })) };
    const parsed = parseListText(URL, JSON.stringify(bad));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toMatch(
      new RegExp(
        `^The list at ${URL} is not a valid token list, so it was not used: tokens\\[0\\]\\.address: .+ \\(and 3 more problems\\)\\.$`,
      ),
    );
    expect(parsed.error.split('. ').length).toBe(1);
  });
});
