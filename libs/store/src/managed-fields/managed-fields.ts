import { type FieldCause, WakeError, type KubeObject } from '@wake/events';
import { sameJson } from '../same-json';
import { describePath, fieldPaths, pathOf, removeAt, valueAt } from './field-path';
import { fromFieldsV1, toFieldsV1 } from './fields-v1';

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: unknown;
  subresource?: string;
}

interface Owned { entry: ManagedFieldsEntry; paths: Set<string> }

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function entriesOf(obj: KubeObject | undefined): Owned[] {
  const list = (obj?.metadata.managedFields as ManagedFieldsEntry[] | undefined) ?? [];
  return list.filter((e) => e && typeof e.manager === 'string').map((entry) => ({ entry, paths: fromFieldsV1(entry.fieldsV1) }));
}

function serialize(owned: Owned[]): ManagedFieldsEntry[] {
  return owned.filter((o) => o.paths.size).map((o) => ({ ...o.entry, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(o.paths) }));
}

function upsert(owned: Owned[], manager: string, operation: 'Apply' | 'Update', apiVersion: string, now: Date): Owned {
  let mine = owned.find((o) => o.entry.manager === manager && o.entry.operation === operation && !o.entry.subresource);
  if (!mine) {
    mine = { entry: { manager, operation, apiVersion, time: iso(now), fieldsType: 'FieldsV1', fieldsV1: {} }, paths: new Set() };
    owned.push(mine);
  }
  mine.entry = { ...mine.entry, apiVersion, time: iso(now) };
  return mine;
}

/**
 * managedFields after a create/update/patch by `manager` (operation Update): it takes the fields
 * whose value it set or changed from every other manager; removed fields leave every set.
 * Returns undefined when ownership does not change (so a no-op write stays a no-op).
 */
export function recordUpdate(current: KubeObject | undefined, next: KubeObject, manager: string, now: Date): ManagedFieldsEntry[] | undefined {
  const before = current ? fieldPaths(current, next.kind) : new Set<string>();
  const after = fieldPaths(next, next.kind);
  const changed = [...after].filter((p) => !before.has(p) || !sameJson(valueAt(current, pathOf(p)).value, valueAt(next, pathOf(p)).value));
  const removed = [...before].filter((p) => !after.has(p));
  if (!changed.length && !removed.length) return undefined;
  const owned = entriesOf(current);
  for (const o of owned) for (const p of [...changed, ...removed]) o.paths.delete(p);
  const mine = upsert(owned, manager, 'Update', next.apiVersion, now);
  for (const p of changed) mine.paths.add(p);
  return serialize(owned);
}

/**
 * Server-side apply of `applied` (the manager's whole intent) onto `live`: fields the manager
 * applied before and no longer applies are removed (unless another manager owns them too), the
 * applied fields are merged in, and fields another manager owns with a different value are
 * conflicts (409) unless `force` takes them over.
 */
export function planApply(
  live: KubeObject, applied: KubeObject, manager: string, force: boolean, now: Date,
  merge: (base: KubeObject, patch: KubeObject) => KubeObject,
): KubeObject {
  const owned = entriesOf(live);
  const appliedPaths = fieldPaths(applied, live.kind);
  const others = owned.filter((o) => !(o.entry.manager === manager && o.entry.operation === 'Apply'));
  const conflicts: { path: string; managers: Owned[] }[] = [];
  for (const p of appliedPaths) {
    const path = pathOf(p);
    const l = valueAt(live, path);
    const a = valueAt(applied, path);
    if (!l.found || sameJson(l.value, a.value) || isItem(path)) continue;
    const owners = others.filter((o) => o.paths.has(p));
    if (owners.length) conflicts.push({ path: p, managers: owners });
  }
  if (conflicts.length && !force) throw conflictError(conflicts);
  for (const c of conflicts) for (const o of c.managers) o.paths.delete(c.path);
  const before = owned.find((o) => o.entry.manager === manager && o.entry.operation === 'Apply' && !o.entry.subresource);
  const previousTime = before?.entry.time;
  const mine = upsert(owned, manager, 'Apply', applied.apiVersion, now);
  let pruned = live;
  for (const p of mine.paths) {
    if (appliedPaths.has(p) || others.some((o) => o.paths.has(p))) continue;
    pruned = removeAt(pruned, pathOf(p));
  }
  const unchanged = before !== undefined && !conflicts.length && mine.paths.size === appliedPaths.size && [...appliedPaths].every((p) => mine.paths.has(p));
  if (unchanged && previousTime) mine.entry.time = previousTime; // a no-op apply stays a no-op
  mine.paths = appliedPaths;
  const merged = merge(pruned, { ...applied, metadata: { ...applied.metadata, managedFields: undefined } });
  return { ...merged, metadata: { ...merged.metadata, managedFields: serialize(owned) } };
}

/** managedFields for an object created by apply: the manager owns what it applied. */
export function appliedEntries(applied: KubeObject, manager: string, now: Date): ManagedFieldsEntry[] {
  const owned: Owned[] = [];
  upsert(owned, manager, 'Apply', applied.apiVersion, now).paths = fieldPaths(applied, applied.kind);
  return serialize(owned);
}

const isItem = (path: readonly string[]) => !path[path.length - 1].startsWith('f:');

function conflictError(conflicts: { path: string; managers: Owned[] }[]): WakeError {
  const causes = conflicts.flatMap((c) => c.managers.map((o) => ({
    reason: 'FieldManagerConflict', field: describePath(pathOf(c.path)),
    message: `conflict with "${o.entry.manager}"${o.entry.operation === 'Update' ? ` using ${o.entry.apiVersion}` : ''}`,
  })));
  const n = causes.length;
  const lines = causes.map((c) => `${c.message}: ${c.field}`).join('\n- ');
  const message = n === 1 ? `Apply failed with 1 conflict: ${lines}` : `Apply failed with ${n} conflicts: ${causes.map((c) => `${c.message}: ${c.field}`).join(', ')}`;
  return new WakeError('Conflict', message, causes as unknown as FieldCause[]);
}
