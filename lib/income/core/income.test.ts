import { decodeFunctionData, getAddress, type Hex } from 'viem';
import { describe, expect, test } from 'vitest';
import { buildClaimsFile } from '../../../test/devnet/claimsTree';
import { merkleDistributorAbi } from './abis';
import { buildClaimCall } from './buildClaimCall';
import { claimsFileHash, lookupCachedClaim, lookupClaim, memoryClaimsCache } from './claimsCache';
import { parseClaimsFile } from './claimsFile';
import { findClaim } from './findClaim';
import { roundState } from './roundState';
import { findClaimInText, scanClaimsFile } from './scanClaimsFile';
import { assertClaimProof, verifyClaimProof } from './verifyClaimProof';

// Letters in every address, so checksummed, lowercase and uppercase keys all differ.
const account = (i: number) => getAddress(`0x${'ab'.repeat(19)}${(i + 1).toString(16).padStart(2, '0')}`);
const fileOf = (n: number) =>
  buildClaimsFile(Object.fromEntries(Array.from({ length: n }, (_, i) => [account(i), BigInt(i + 1) * 10n ** 18n])));
const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('proofs', () => {
  // 1 leaf (empty proof), odd sizes (a node carried up unhashed), powers of two.
  test.each([1, 2, 3, 5, 7, 8, 13])('every entry of a %i-entry file verifies against its root', (n) => {
    const file = fileOf(n);
    const parsed = parseClaimsFile(JSON.stringify(file));
    for (let i = 0; i < n; i++) {
      const claim = findClaim(parsed, account(i))!;
      expect(claim.amount).toBe(BigInt(i + 1) * 10n ** 18n);
      expect(verifyClaimProof(claim, file.merkleRoot as Hex).valid).toBe(true);
    }
  });

  test('a changed amount, index, account or proof is refused with a message for the holder', () => {
    const file = fileOf(5);
    const claim = findClaim(parseClaimsFile(JSON.stringify(file)), account(2))!;
    const root = file.merkleRoot as Hex;
    // No jargon, and the address shortened so the message fits the popup's card.
    const message = `The claims file's entry for 0xaBab…aB03 does not match what this round's contract holds on chain, so the file may have been altered. Nothing was sent; ask the creator to check the claims file.`;
    for (const bad of [
      { ...claim, amount: claim.amount + 1n },
      { ...claim, index: claim.index + 1n },
      { ...claim, proof: claim.proof.slice(1) },
      { ...claim, proof: [...claim.proof].reverse() },
    ]) {
      const result = verifyClaimProof(bad, root);
      expect(result.valid).toBe(false);
      if (!result.valid) expect(result.error.message).toBe(message);
    }
    expect(() => assertClaimProof(claim, fileOf(4).merkleRoot as Hex)).toThrow(message);
  });
});

describe('claims files', () => {
  test('keys are found checksummed, lowercase or in any case; a holder not listed gets null', () => {
    const file = fileOf(3);
    const lower = { ...file, claims: Object.fromEntries(Object.entries(file.claims).map(([k, v]) => [k.toLowerCase(), v])) };
    const upper = {
      ...file,
      claims: Object.fromEntries(Object.entries(file.claims).map(([k, v]) => [`0x${k.slice(2).toUpperCase()}`, v])),
    };
    for (const f of [file, lower, upper]) {
      expect(findClaim(parseClaimsFile(JSON.stringify(f)), account(1))?.index).toBe(1n);
      expect(findClaimInText(scanClaimsFile(JSON.stringify(f, null, 2)), account(1))?.index).toBe(1n);
      expect(findClaimInText(scanClaimsFile(JSON.stringify(f)), account(9))).toBeNull();
    }
  });

  test('the text scan and the full parse agree, including entries with flags', () => {
    const file = fileOf(6);
    const withFlags = {
      ...file,
      claims: Object.fromEntries(
        Object.entries(file.claims).map(([k, v]) => [k, { ...v, flags: { isSOCKS: true, reason: 'a "quoted" } brace' } }]),
      ),
    };
    const text = JSON.stringify(withFlags);
    for (let i = 0; i < 6; i++)
      expect(findClaimInText(scanClaimsFile(text), account(i))).toEqual(findClaim(parseClaimsFile(text), account(i)));
  });

  test('not JSON, not the format, or a malformed entry: clear messages', () => {
    expect(() => parseClaimsFile('{"merkleRoot":')).toThrow('The claims file is not valid JSON; ask the creator to check it.');
    expect(() => parseClaimsFile('{"claims":{}}')).toThrow(
      'The claims file is not in the Uniswap merkle-distributor format; ask the creator to check it.',
    );
    expect(() => scanClaimsFile('[1,2]')).toThrow('not in the Uniswap merkle-distributor format');
    const file = fileOf(2);
    const broken = { ...file, claims: { [account(0)]: { index: 0, amount: 'lots', proof: [] } } };
    expect(() => findClaim(parseClaimsFile(JSON.stringify(broken)), account(0))).toThrow(
      `The claims file's entry for ${account(0)} is malformed`,
    );
    expect(() => findClaimInText(scanClaimsFile(JSON.stringify(broken)), account(0))).toThrow('is malformed');
  });

  test('cache by content hash: the second lookup answers from the store; another file is another key', async () => {
    const store = memoryClaimsCache();
    const bytes = bytesOf(fileOf(4));
    const first = await lookupClaim(store, bytes, account(3));
    expect(first.fileHash).toBe(await claimsFileHash(bytes));
    expect(await lookupCachedClaim(store, first.fileHash, account(3))).toEqual(first);
    expect(await lookupCachedClaim(store, await claimsFileHash(bytesOf(fileOf(5))), account(3))).toBeUndefined();
    expect((await lookupClaim(store, bytes, account(8))).claim).toBeNull();
  });
});

test('buildClaimCall encodes claim(index, account, amount, proof) to the distributor', () => {
  const file = fileOf(3);
  const verified = assertClaimProof(findClaim(parseClaimsFile(JSON.stringify(file)), account(0))!, file.merkleRoot as Hex);
  const distributor = '0x0b306bf915c4d645ff596e518faf3f9669b97016';
  const call = buildClaimCall(distributor, verified);
  expect(call.to).toBe('0x0B306BF915C4d645ff596e518fAf3F9669b97016');
  expect(decodeFunctionData({ abi: merkleDistributorAbi, data: call.data }).args).toEqual([0n, account(0), 10n ** 18n, verified.proof]);
});

test('a round whose contract pays another token is refused in plain words, addresses shortened to fit the card', () => {
  const state = roundState({
    claim: null,
    reading: { merkleRoot: `0x${'11'.repeat(32)}`, token: account(0), isClaimed: false },
    expectedToken: account(1),
  });
  expect(state).toEqual({
    status: 'refused',
    message:
      "This round's contract pays the token 0xABAB…ab01, not 0xABaB…aB02 as the creator's manifest says. Nothing will be sent; ask the creator to check the manifest.",
  });
});
