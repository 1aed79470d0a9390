import type { Table } from '@wake/api';

export interface RenderOptions {
  /** Prefix every row with a NAMESPACE column (kubectl get -A). */
  readonly namespaces?: readonly string[];
  /** Prefix names with the resource (`pod/web-1`), as `kubectl get all` does. */
  readonly namePrefix?: string;
  /** Show priority-1 columns (-o wide). */
  readonly wide?: boolean;
}

/** A server-side Table printed as kubectl prints it: upper-case headers, columns padded by 3. */
export function renderTable(table: Table, opts: RenderOptions = {}): string {
  const shown = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => opts.wide || c.priority === 0);
  const header = shown.map(({ c }) => c.name.toUpperCase());
  const rows = table.rows.map((r) => shown.map(({ c, i }) => {
    const v = r.cells[i];
    const s = v === null || v === undefined ? '<none>' : String(v);
    return c.format === 'name' && opts.namePrefix ? `${opts.namePrefix}/${s}` : s;
  }));
  if (opts.namespaces) {
    header.unshift('NAMESPACE');
    rows.forEach((r, i) => r.unshift(opts.namespaces![i] ?? ''));
  }
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((r) => r[col].length)));
  return all.map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col] + 3))).join('').trimEnd()).join('\n') + '\n';
}
