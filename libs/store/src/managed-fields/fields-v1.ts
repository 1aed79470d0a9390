import { pathKey, pathOf } from './field-path';

type Node = { [token: string]: Node };

/** A set of paths as the FieldsV1 tree stored in managedFields (`"."` marks an item that is itself owned). */
export function toFieldsV1(paths: Iterable<string>): Node {
  const root: Node = {};
  for (const p of [...paths].map(pathOf)) {
    let node = root;
    for (const t of p) node = node[t] ??= {};
  }
  // An owned node that also has owned children keeps its own membership as ".".
  markOwnedParents(root, new Set([...paths]), []);
  return root;
}

function markOwnedParents(node: Node, owned: Set<string>, prefix: string[]): void {
  for (const [t, child] of Object.entries(node)) {
    if (t === '.') continue;
    const p = [...prefix, t];
    const children = Object.keys(child).filter((k) => k !== '.');
    if (children.length && owned.has(pathKey(p))) child['.'] = {};
    markOwnedParents(child, owned, p);
  }
}

/** The set of paths a FieldsV1 tree names. */
export function fromFieldsV1(tree: unknown): Set<string> {
  const out = new Set<string>();
  const visit = (node: unknown, prefix: string[]) => {
    if (typeof node !== 'object' || node === null) return;
    const keys = Object.keys(node);
    if (prefix.length && (keys.length === 0 || keys.includes('.'))) out.add(pathKey(prefix));
    for (const k of keys) if (k !== '.') visit((node as Node)[k], [...prefix, k]);
  };
  visit(tree, []);
  return out;
}
