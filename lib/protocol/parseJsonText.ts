/**
 * JSON.parse with an error a creator can find in their editor. Engines word the error
 * differently (V8: "at position 42", newer V8 and Firefox: "line 3 column 5"), so we strip
 * their location and add our own line and column, computed from the position when we have one.
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (!text.trim()) return { ok: false, message: 'the manifest is empty' };
  try {
    return { ok: true, value: parseUnknown(text) };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `not JSON: ${describeJsonError(raw, text)}` };
  }
}

function describeJsonError(raw: string, text: string): string {
  let line: number | undefined;
  let column: number | undefined;
  const pos = /at position (\d+)/.exec(raw);
  const lc = /line (\d+) column (\d+)/.exec(raw);
  if (lc) [line, column] = [Number(lc[1]), Number(lc[2])];
  else if (pos) [line, column] = lineColumn(text, Number(pos[1]));
  else if (/end of (JSON )?(input|data)/i.test(raw)) [line, column] = lineColumn(text, text.length);

  const reason = raw
    .replace(/^JSON\.parse: /, '')
    .replace(/,? ?"(?:[^"\\]|\\.)*" is not valid JSON$/, '') // V8 quotes a snippet of the text
    .replace(/ in JSON at position \d+( \(line \d+ column \d+\))?$/, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '')
    .trim();
  return line === undefined ? reason : `${reason} at line ${line}, column ${column}`;
}

function lineColumn(text: string, position: number): [number, number] {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return [line, position - before.lastIndexOf('\n')];
}

/** JSON.parse typed as what it is: a value to check before use, never `any`. */
export function parseUnknown(text: string): unknown {
  return JSON.parse(text);
}
