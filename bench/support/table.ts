/** A plain fixed-width table for the terminal: first column left-aligned, the rest right-aligned. */
export function table(head: string[], rows: Array<Array<string | number>>): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
export const pct = (n: number) => `${Math.round(n * 100)}%`;
