import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Row {
  figure: string;
  measured: string;
  baseline: string;
  budget: string;
  /** 'error': not measured, shown as such and never as a pass. 'info': a reference without a budget. */
  ok: boolean | 'error' | 'info';
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
export const ms = (n: number) => `${fmt(n)} ms`;
export const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;
export const times = (n: number) => `${fmt(n, n >= 10 ? 0 : 1)}×`;

export function printTable(rows: Row[]): void {
  const header: Row = { figure: 'Figure', measured: 'Measured', baseline: 'Baseline', budget: 'Budget', ok: true };
  const cells = (r: Row, mark: string) => [r.figure, r.measured, r.baseline, r.budget, mark];
  const mark = (r: Row) => (r.ok === 'error' ? '? (error)' : r.ok === 'info' ? '·' : r.ok ? '✓' : '✗');
  const table = [cells(header, 'OK'), ...rows.map((r) => cells(r, mark(r)))];
  const widths = table[0]!.map((_, col) => Math.max(...table.map((line) => line[col]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, col) => v.padEnd(widths[col]!))
      .join('  ')
      .trimEnd();
  console.log(line(table[0]!));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const values of table.slice(1)) console.log(line(values));
}

export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}
