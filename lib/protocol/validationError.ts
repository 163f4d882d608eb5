/**
 * One problem with a creator's declaration or manifest. `path` is where (`pairs[0].address`, or
 * '' for the whole file); `message` is what is wrong there, in words a creator acts on.
 */
export interface ValidationError {
  path: string;
  message: string;
}

/** `['pairs', 0, 'address']` → `pairs[0].address`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** `pairs[0].address: checksum does not match; …` — the line a creator reads. */
export function formatValidationError(e: ValidationError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}

/** One error per line, for the CLI and for plain-text UI. */
export function formatValidationErrors(errors: readonly ValidationError[], prefix = ''): string {
  return errors.map((e) => `${prefix}${formatValidationError(e)}`).join('\n');
}
