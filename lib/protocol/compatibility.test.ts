import { describe, expect, test } from 'vitest';
import { ignoreUnknownSections } from './compatibility';
import { manifestSchema } from './manifestSchema';
import { fullManifest, minimalManifest } from './testManifests';
import { formatValidationError, validateManifest } from './validateManifest';

describe('an old reader meets a manifest with a section added later', () => {
  test('this reader ignores an unknown section, keeps the rest, and warns the creator', () => {
    const result = validateManifest(JSON.stringify({ ...fullManifest(), merch: [{ id: 'mug', price: '100' }] }));
    if (!result.ok) throw new Error(result.errors.map(formatValidationError).join('\n'));
    expect(result.manifest).not.toHaveProperty('merch');
    expect(result.manifest.distributions).toHaveLength(2);
    expect(result.warnings.map(formatValidationError)).toMatchInlineSnapshot(`
      [
        "merch: section 'merch' is not part of version 1 as this companion reads it and is ignored; companions that know it will use it, older ones skip it (remove it if it is a mistake)",
      ]
    `);
  });

  test('a reader released before `gates` existed still reads a manifest that has gates', () => {
    // The v1 reader of that time: the same strict schema without the section, plus the rule.
    const knownThen = Object.keys(manifestSchema.shape).filter((k) => k !== 'gates');
    const readerThen = manifestSchema.omit({ gates: true });
    const { data, warnings } = ignoreUnknownSections(fullManifest(), knownThen);
    const parsed = readerThen.safeParse(data);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.distributions.map((d) => d.id)).toEqual(['2021-q1', '2021-q2']);
    expect(warnings.map((w) => w.path)).toEqual(['gates']);
  });

  test('a typo of a known section is still an error, never silently dropped', () => {
    const result = validateManifest({ ...minimalManifest(), distribution: [] });
    expect(result.ok).toBe(false);
  });

  test('a key inside a known object is still an error', () => {
    const m = fullManifest() as ReturnType<typeof fullManifest> & { creator: Record<string, unknown> };
    m.creator.avatar = 'x';
    expect(validateManifest(m).ok).toBe(false);
  });
});

describe('a new reader meets an old manifest', () => {
  test('a manifest written before any later section reads the same, with no warnings', () => {
    const result = validateManifest(JSON.stringify(minimalManifest()));
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  test('a breaking version is refused in a sentence that says what to do', () => {
    const result = validateManifest({ ...minimalManifest(), version: 2, somethingNew: {} });
    expect(result.ok ? [] : result.errors.map(formatValidationError)).toMatchInlineSnapshot(`
      [
        "version: this manifest uses version 2 of the protocol, which this companion does not read yet (it reads version 1); holders need a newer companion, or the creator can also publish a version 1 manifest",
      ]
    `);
  });
});

describe('offers, the section added after the first v1 readers', () => {
  const offer = () => fullManifest().offers![0]!;
  const withOffer = (patch: Record<string, unknown>) => ({ ...fullManifest(), offers: [{ ...offer(), ...patch }] });

  test('a reader released before `offers` skips the section with a warning and reads the rest', () => {
    const knownThen = Object.keys(manifestSchema.shape).filter((k) => k !== 'offers');
    const readerThen = manifestSchema.omit({ offers: true });
    const { data, warnings } = ignoreUnknownSections(fullManifest(), knownThen);
    const parsed = readerThen.safeParse(data);
    expect(parsed.success).toBe(true);
    expect(parsed.data).not.toHaveProperty('offers');
    expect(parsed.data?.gates.map((g) => g.id)).toEqual(['monthly-notes']);
    expect(warnings.map((w) => [w.path, w.message.slice(0, 60)])).toEqual([
      ['offers', "section 'offers' is not part of version 1 as this companion "],
    ]);
  });

  test('this reader validates offers: price, recipient and endpoint kept, no warning', () => {
    const result = validateManifest(fullManifest());
    if (!result.ok) throw new Error(result.errors.map(formatValidationError).join('\n'));
    expect(result.warnings).toEqual([]);
    expect(result.manifest.offers).toEqual([
      {
        id: 'hour',
        title: "An hour of Alex's time",
        description: 'A one-hour video call about whatever you want; you pick the slot after booking.',
        price: '25000000000000000000000',
        recipient: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
        endpoint: 'http://localhost:4101/offers',
      },
    ]);
  });

  test('bad offer fields are refused, each in a sentence the creator can act on', () => {
    const errors = (m: unknown) => {
      const result = validateManifest(m);
      return result.ok ? [] : result.errors.map(formatValidationError);
    };
    expect(errors(withOffer({ price: 25000 }))).toEqual([
      'offers[0].price: expected text in quotes with a whole number of base units, like "1000000000000000000" (1 token with 18 decimals), got the number 25000; put the amount in quotes',
    ]);
    expect(errors(withOffer({ price: '25000.5' }))[0]).toContain('has a decimal point');
    expect(errors(withOffer({ price: '0' }))).toEqual([
      'offers[0].price: is 0; an offer costs at least one base unit (use a gate for what holders get for free)',
    ]);
    expect(errors(withOffer({ recipient: '0x1234' }))[0]).toMatch(/^offers\[0\]\.recipient: /);
    expect(errors(withOffer({ endpoint: 'ftp://alex.example/book' }))[0]).toMatch(/^offers\[0\]\.endpoint: /);
    expect(errors(withOffer({ priceUsd: 50 }))[0]).toMatch(/^offers\[0\]/);
    expect(errors({ ...fullManifest(), offers: [offer(), offer()] })).toEqual([
      'offers[1].id: "hour" is already used by offers[0]; ids must be unique within offers',
    ]);
  });
});
