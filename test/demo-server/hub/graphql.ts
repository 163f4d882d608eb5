// Just enough GraphQL for the demo hub: one root field per query, with its arguments (literals
// or $variables, objects and lists included). The selection set is not interpreted: the hub
// answers with every field it has, which a Snapshot client reads like any other answer.

export type GraphqlValue = string | number | boolean | null | GraphqlValue[] | { [key: string]: GraphqlValue };

export interface RootField {
  name: string;
  /** The key the answer goes under: the alias if the query gave one. */
  key: string;
  args: Record<string, GraphqlValue>;
}

export class GraphqlError extends Error {}

export function parseRootField(query: string, variables: Record<string, unknown> = {}): RootField {
  const p = new Parser(query.replace(/#[^\n]*/g, ''), variables);
  p.skipHeader();
  p.expect('{');
  const key = p.name();
  let name = key;
  if (p.peek() === ':') {
    p.expect(':'); // an alias: the field follows
    name = p.name();
  }
  const args = p.peek() === '(' ? p.args() : {};
  return { name, key, args };
}

class Parser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly variables: Record<string, unknown>,
  ) {}

  peek(): string {
    while (this.i < this.text.length && /[\s,]/.test(this.text[this.i]!)) this.i++;
    return this.text[this.i] ?? '';
  }

  expect(ch: string): void {
    if (this.peek() !== ch) throw new GraphqlError(`Syntax Error: expected "${ch}" at ${this.i}`);
    this.i++;
  }

  name(): string {
    this.peek();
    const m = /^[_A-Za-z][_0-9A-Za-z]*/.exec(this.text.slice(this.i));
    if (!m) throw new GraphqlError(`Syntax Error: expected a name at ${this.i}`);
    this.i += m[0].length;
    return m[0];
  }

  /** `query Name($a: T!, …)` or nothing, up to the first selection set. */
  skipHeader(): void {
    if (this.peek() === '{') return;
    const keyword = this.name();
    if (keyword !== 'query') throw new GraphqlError(`Only queries are supported, not "${keyword}"`);
    if (/[_A-Za-z]/.test(this.peek())) this.name();
    if (this.peek() === '(') {
      const close = this.text.indexOf(')', this.i);
      if (close < 0) throw new GraphqlError('Syntax Error: unclosed variable definitions');
      this.i = close + 1;
    }
  }

  args(): Record<string, GraphqlValue> {
    this.expect('(');
    const out: Record<string, GraphqlValue> = {};
    while (this.peek() !== ')') {
      const key = this.name();
      this.expect(':');
      out[key] = this.value();
    }
    this.expect(')');
    return out;
  }

  value(): GraphqlValue {
    const ch = this.peek();
    if (ch === '$') {
      this.i++;
      const v = this.variables[this.name()];
      return v === undefined ? null : (v as GraphqlValue);
    }
    if (ch === '"') {
      const m = /^"((?:[^"\\]|\\.)*)"/.exec(this.text.slice(this.i));
      if (!m) throw new GraphqlError('Syntax Error: unterminated string');
      this.i += m[0].length;
      return JSON.parse(m[0]) as string;
    }
    if (ch === '[') {
      this.i++;
      const list: GraphqlValue[] = [];
      while (this.peek() !== ']') list.push(this.value());
      this.i++;
      return list;
    }
    if (ch === '{') {
      this.i++;
      const obj: Record<string, GraphqlValue> = {};
      while (this.peek() !== '}') {
        const key = this.name();
        this.expect(':');
        obj[key] = this.value();
      }
      this.i++;
      return obj;
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    const word = this.name(); // true, false, null or an enum value such as `desc`
    return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : word;
  }
}
