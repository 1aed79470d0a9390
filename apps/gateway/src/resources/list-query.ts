import { checkFieldSelector, matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector, type FieldSelector, type LabelSelector } from '@wake/api';
import type { KubeObject } from '@wake/events';
import type { PageLabelTerm } from '@wake/projection';
import { failure, HttpError } from '../http/status';

/** The selectors of a list or watch request. */
export interface Selection {
  readonly labels: LabelSelector;
  readonly fields: FieldSelector;
}

export function selectionOf(kind: string, labelSelector: string | null, fieldSelector: string | null): Selection {
  const labels = parseLabelSelector(labelSelector ?? '');
  const fields = parseFieldSelector(fieldSelector ?? '');
  checkFieldSelector(fields, kind);
  return { labels, fields };
}

export function selects(sel: Selection, kind: string, obj: KubeObject): boolean {
  return matchesLabels(sel.labels, obj.metadata.labels) && matchesFields(sel.fields, kind, obj);
}

/** The equality label terms a selector requires, which the projection can filter on in SQL. */
export function equalityLabels(sel: Selection): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of sel.labels.requirements) if ((r.operator === '=' || r.operator === '==') && r.values.length === 1) out[r.key] = r.values[0];
  return out;
}

/**
 * The selection as label terms PostgreSQL can filter on, or undefined when part of it cannot
 * be (field selectors, Gt/Lt, a selector that selects nothing): such lists are paged in memory.
 */
export function sqlLabelTerms(sel: Selection): PageLabelTerm[] | undefined {
  if (sel.fields.terms.length || sel.labels.nothing) return undefined;
  const out: PageLabelTerm[] = [];
  for (const r of sel.labels.requirements) {
    switch (r.operator) {
      case '=': case '==': case 'in': out.push({ key: r.key, operator: 'in', values: r.values }); break;
      case '!=': case 'notin': out.push({ key: r.key, operator: 'notin', values: r.values }); break;
      case 'exists': case '!': out.push({ key: r.key, operator: r.operator, values: [] }); break;
      default: return undefined;
    }
  }
  return out;
}

/** The key a continue token's start names, as (namespace, name): keys are `namespace/name` and neither part holds a `/`. */
export function startKeyOf(start: string): { namespace: string; name: string } {
  const slash = start.indexOf('/');
  if (slash < 0) throw new HttpError(failure(400, 'BadRequest', 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)'));
  return { namespace: start.slice(0, slash), name: start.slice(slash + 1) };
}

interface ContinueToken { readonly rv: number; readonly start: string }

export const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export function encodeContinue(t: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'wake.1', ...t })).toString('base64url');
}

export function decodeContinue(token: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: string; rv?: number; start?: string };
    if (t.v !== 'wake.1' || typeof t.rv !== 'number' || typeof t.start !== 'string') throw new Error('bad');
    return { rv: t.rv, start: t.start };
  } catch {
    throw new HttpError(failure(400, 'BadRequest', 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)'));
  }
}

/**
 * One page of a list sorted by namespace/name: objects after the continue token's key, at most
 * `limit` (0 = all), and the token and count of what remains.
 */
export function paginate(objects: readonly KubeObject[], rv: number, limit: number, token: string | null): {
  items: KubeObject[]; continue?: string; remainingItemCount?: number;
} {
  const start = token ? startKeyOf(decodeContinue(token).start) : undefined;
  // (namespace, name) compared as the list is sorted: "a/x" > "a-b/x" as strings, yet namespace a comes first
  const after = (o: KubeObject) => {
    const ns = o.metadata.namespace ?? '';
    return ns > start!.namespace || (ns === start!.namespace && o.metadata.name > start!.name);
  };
  const from = start === undefined ? 0 : objects.findIndex(after);
  const rest = from < 0 ? [] : objects.slice(from);
  if (!limit || rest.length <= limit) return { items: rest };
  const items = rest.slice(0, limit);
  return { items, continue: encodeContinue({ rv, start: keyOf(items[items.length - 1]) }), remainingItemCount: rest.length - limit };
}
