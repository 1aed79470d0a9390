import { toTable } from '@wake/api';
import { kindInfo, type KubeObject } from '@wake/events';
import { stringify } from 'yaml';
import { renderTable } from './render-table';
import { resourcePrefix } from './kind-arg';

export type StateFormat = 'table' | 'yaml' | 'json';

/**
 * Objects as kubectl would print them: one table per kind (names prefixed `pod/…` when more
 * than one kind is shown, as `kubectl get all` does; a NAMESPACE column across namespaces),
 * or a v1 List in YAML / JSON.
 */
export function stateText(objects: readonly KubeObject[], format: StateFormat, opts: { now: Date; allNamespaces: boolean; resourceVersion: string }): string {
  if (format !== 'table') {
    const list = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: opts.resourceVersion }, items: objects };
    return format === 'json' ? JSON.stringify(list, null, 2) + '\n' : stringify(list);
  }
  if (!objects.length) return 'No resources found.\n';
  const kinds = [...new Set(objects.map((o) => o.kind))];
  return kinds.map((kind) => {
    const items = objects.filter((o) => o.kind === kind);
    const table = toTable(items, kind, { now: opts.now, includeObject: 'None' });
    return renderTable(table, {
      namespaces: opts.allNamespaces && kindInfo(kind)?.namespaced !== false ? items.map((o) => o.metadata.namespace ?? '') : undefined,
      namePrefix: kinds.length > 1 ? resourcePrefix(kind) : undefined,
    });
  }).join('\n');
}
