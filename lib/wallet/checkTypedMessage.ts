import { isAddress, isHex, size, type TypedData, type TypedDataParameter } from 'viem';

// viem's validateTypedData checks ranges but lets a missing field, an extra one or a string in a
// uint through, and the wallet would then sign something else than what was meant. Every struct
// must have exactly its declared fields, each of its declared kind; arrays are checked item by item.

/** The first problem found, as `path: what is wrong`, or null when the message fits its types. */
export function typedMessageProblem(types: TypedData, primaryType: string, message: unknown): string | null {
  return structProblem(types, primaryType, message, primaryType, 0);
}

function structProblem(types: TypedData, name: string, value: unknown, path: string, depth: number): string | null {
  const fields: readonly TypedDataParameter[] | undefined = types[name];
  if (!fields) return `${path}: unknown type ${name}`;
  if (depth > 8) return `${path}: nested too deep`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path}: not a ${name}`;
  const record = value as Record<string, unknown>;
  const extra = Object.keys(record).find((key) => !fields.some((field) => field.name === key));
  if (extra !== undefined) return `${path}.${extra}: not a field of ${name}`;
  for (const field of fields) {
    const problem = valueProblem(types, field.type, record[field.name], `${path}.${field.name}`, depth + 1);
    if (problem) return problem;
  }
  return null;
}

function valueProblem(types: TypedData, type: string, value: unknown, path: string, depth: number): string | null {
  const array = /^(.+)\[(\d*)\]$/.exec(type);
  if (array) {
    const [, item = '', length] = array;
    if (!Array.isArray(value)) return `${path}: not a list`;
    if (length && value.length !== Number(length)) return `${path}: needs ${length} items`;
    for (const [index, entry] of value.entries()) {
      const problem = valueProblem(types, item, entry, `${path}[${index}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (types[type]) return structProblem(types, type, value, path, depth);
  const ok = (() => {
    if (type === 'string') return typeof value === 'string';
    if (type === 'bool') return typeof value === 'boolean';
    if (type === 'address') return typeof value === 'string' && isAddress(value, { strict: false });
    if (type === 'bytes') return isHex(value);
    const bytes = /^bytes(\d+)$/.exec(type);
    if (bytes) return isHex(value) && size(value) === Number(bytes[1]);
    if (/^u?int\d*$/.test(type))
      return (
        (typeof value === 'number' && Number.isInteger(value)) ||
        typeof value === 'bigint' ||
        (typeof value === 'string' && /^-?\d+$/.test(value))
      );
    return false;
  })();
  return ok ? null : `${path}: not a valid ${type}`;
}
