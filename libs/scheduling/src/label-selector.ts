import type { V1LabelSelector, V1NodeSelectorRequirement, V1NodeSelectorTerm } from '@kubernetes/client-node';

export type Labels = Readonly<Record<string, string>>;

/** A compiled label selector: requirements checked in order, AND-ed. */
export interface Selector {
  readonly empty: boolean;
  readonly nothing: boolean;
  matches(labels: Labels | undefined): boolean;
}

interface Requirement {
  key: string;
  op: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values: readonly string[];
}

const EVERYTHING: Selector = { empty: true, nothing: false, matches: () => true };
const NOTHING: Selector = { empty: false, nothing: true, matches: () => false };

export const everything = (): Selector => EVERYTHING;
export const nothing = (): Selector => NOTHING;

function requirementMatches(r: Requirement, labels: Labels | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.op) {
    case 'In': return has && r.values.includes(labels![r.key]);
    case 'NotIn': return !has || !r.values.includes(labels![r.key]);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || r.values.length !== 1) return false;
      const lhs = parseInteger(labels![r.key]);
      const rhs = parseInteger(r.values[0]);
      if (lhs === undefined || rhs === undefined) return false;
      return r.op === 'Gt' ? lhs > rhs : lhs < rhs;
    }
  }
}

const parseInteger = (s: string): number | undefined => (/^[+-]?\d+$/.test(s) ? Number(s) : undefined);

function compile(reqs: Requirement[]): Selector {
  if (reqs.length === 0) return EVERYTHING;
  return {
    empty: false,
    nothing: false,
    matches(labels) {
      for (let i = 0; i < reqs.length; i++) if (!requirementMatches(reqs[i], labels)) return false;
      return true;
    },
  };
}

/**
 * metav1.LabelSelectorAsSelector: `undefined` selects nothing, `{}` selects everything.
 * An invalid operator selects nothing (the API rejects such objects before they get here).
 */
export function labelSelector(sel: V1LabelSelector | undefined | null): Selector {
  if (!sel) return NOTHING;
  const reqs: Requirement[] = [];
  for (const key of Object.keys(sel.matchLabels ?? {}).sort()) reqs.push({ key, op: 'In', values: [sel.matchLabels![key]] });
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator !== 'In' && e.operator !== 'NotIn' && e.operator !== 'Exists' && e.operator !== 'DoesNotExist') return NOTHING;
    reqs.push({ key: e.key, op: e.operator, values: e.values ?? [] });
  }
  return compile(reqs);
}

/** A map selector (`spec.nodeSelector`, matchLabels): all pairs must be present. */
export function mapSelector(map: Record<string, string> | undefined): Selector {
  if (!map) return EVERYTHING;
  return compile(Object.keys(map).map((key) => ({ key, op: 'In' as const, values: [map[key]] })));
}

/** A node: its labels and its name (the only field `matchFields` may use). */
export interface NodeFields {
  readonly name: string;
  readonly labels: Labels | undefined;
}

export interface NodeSelectorMatcher {
  matches(node: NodeFields): boolean;
}

function nodeRequirement(r: V1NodeSelectorRequirement): Requirement | undefined {
  const op = r.operator as Requirement['op'];
  if (!['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'].includes(op)) return undefined;
  return { key: r.key, op, values: r.values ?? [] };
}

/**
 * A compiled node selector term: matchExpressions over labels AND matchFields over
 * `metadata.name`. A term with no requirements matches no node (k8s semantics).
 */
export function nodeSelectorTerm(term: V1NodeSelectorTerm): NodeSelectorMatcher {
  const exprs = (term.matchExpressions ?? []).map(nodeRequirement);
  const fields = (term.matchFields ?? []).map((f) => (f.key === 'metadata.name' ? nodeRequirement(f) : undefined));
  if (exprs.length + fields.length === 0 || exprs.includes(undefined) || fields.includes(undefined)) return { matches: () => false };
  const labelSel = compile(exprs as Requirement[]);
  const fieldReqs = (fields as Requirement[]).map((r) => ({ ...r, key: 'metadata.name' }));
  return {
    matches(node) {
      if (!labelSel.matches(node.labels)) return false;
      if (fieldReqs.length === 0) return true;
      const f = { 'metadata.name': node.name };
      return fieldReqs.every((r) => requirementMatches(r, f));
    },
  };
}

/** Terms are OR-ed; an empty list matches nothing. */
export function nodeSelectorTerms(terms: readonly V1NodeSelectorTerm[]): NodeSelectorMatcher {
  const compiled = terms.map(nodeSelectorTerm);
  return { matches: (node) => compiled.some((t) => t.matches(node)) };
}
