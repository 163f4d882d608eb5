import type { z } from 'zod';
import { formatPath, type ValidationError } from './validationError';

// Zod's default messages ("Invalid input: expected string, received number") are written for
// developers. A creator editing a JSON file needs the place, what was expected and what was
// found, in words. The error map writes the text; `toValidationErrors` pairs it with the place.

const ALLOWED = 'allowed:';

export const manifestErrorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      return `expected ${expectedName(iss.expected)}, got ${describeValue(iss.input)}`;
    case 'invalid_value':
      return `expected ${oneOf(iss.values)}, got ${describeValue(iss.input)}`;
    case 'invalid_union':
      if (iss.discriminator && iss.options) {
        const input = iss.input as Record<string, unknown> | undefined;
        return `expected one of ${(iss.options as unknown[]).map((o) => JSON.stringify(o)).join(', ')}, got ${describeValue(input?.[iss.discriminator])}`;
      }
      return undefined;
    case 'too_big':
      if (iss.origin === 'string') return `is ${lengthOf(iss.input)} characters long; the limit is ${String(iss.maximum)}`;
      if (iss.origin === 'array') return `has ${lengthOf(iss.input)} entries; the limit is ${String(iss.maximum)}`;
      return `must be at most ${String(iss.maximum)}, got ${describeValue(iss.input)}`;
    case 'too_small':
      if (iss.origin === 'string') return 'must not be empty';
      if (iss.origin === 'array') return `needs at least ${String(iss.minimum)} entries`;
      return `must be ${String(iss.minimum)} or more, got ${describeValue(iss.input)}`;
    case 'unrecognized_keys': {
      // The allowed keys are only known here (from the schema); they are decoded below.
      const shape = (iss.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
      return `${ALLOWED}${shape ? Object.keys(shape).join(',') : ''}`;
    }
    default:
      return undefined;
  }
};

/** Zod issues → one error per problem. Messages leave the place to `path`. */
export function toValidationErrors(issues: readonly z.core.$ZodIssue[], subject = 'the manifest'): ValidationError[] {
  const out: ValidationError[] = [];
  for (const iss of issues) {
    const path = formatPath(iss.path);
    if (iss.code === 'unrecognized_keys') {
      // Reported on the object holding the key, so a UI highlights where to delete it.
      const allowed = iss.message.startsWith(ALLOWED) ? iss.message.slice(ALLOWED.length).split(',') : [];
      for (const key of iss.keys) out.push({ path, message: unknownField(key, path, allowed) });
    } else if (iss.code === 'invalid_type' && iss.input === undefined && iss.path.length > 0) {
      out.push({ path, message: 'required field is missing' });
    } else if (iss.code === 'invalid_type' && iss.path.length === 0) {
      out.push({ path, message: `${subject} must be a JSON object { … }, got ${describeValue(iss.input)}` });
    } else {
      out.push({ path, message: iss.message });
    }
  }
  return out;
}

function unknownField(key: string, where: string, allowed: string[]): string {
  const at = where ? '' : ' at the top level';
  const guess = closestKey(key, allowed);
  const listed = allowed.filter((k) => k !== '$schema').join(', ');
  const hint = guess ? `; did you mean '${guess}'?` : listed ? ` (allowed: ${listed})` : '';
  return `unknown field '${key}'${at}${hint}`;
}

/** A known key that differs only in case or by a typo or two. */
function closestKey(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const byCase = allowed.find((k) => k.toLowerCase() === lower);
  if (byCase) return byCase;
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of allowed) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance && d < k.length / 2) [best, bestDistance] = [k, d];
  }
  return best;
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function expectedName(expected: string): string {
  const names: Record<string, string> = {
    string: 'text in quotes',
    number: 'a number',
    int: 'a whole number',
    object: 'an object { … }',
    array: 'a list [ … ]',
    boolean: 'true or false',
  };
  return names[expected] ?? expected;
}

/** How a value looks in JSON terms, short enough for one line. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v)}`;
  if (typeof v === 'number') return Number.isInteger(v) ? `the number ${v}` : `the number ${v} (not a whole number)`;
  return String(v);
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length === 1 ? (shown[0] ?? '') : `one of ${shown.join(', ')}`;
}

function lengthOf(v: unknown): number {
  return typeof v === 'string' || Array.isArray(v) ? v.length : 0;
}
