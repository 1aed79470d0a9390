import { checkFieldSelector, matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector, type FieldSelector, type LabelSelector } from '@wake/api';
import type { KubeObject } from '@wake/events';
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

interface ContinueToken { readonly rv: number; readonly start: string }

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

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
  const start = token ? decodeContinue(token).start : undefined;
  const from = start === undefined ? 0 : objects.findIndex((o) => keyOf(o) > start);
  const rest = from < 0 ? [] : objects.slice(from);
  if (!limit || rest.length <= limit) return { items: rest };
  const items = rest.slice(0, limit);
  return { items, continue: encodeContinue({ rv, start: keyOf(items[items.length - 1]) }), remainingItemCount: rest.length - limit };
}
