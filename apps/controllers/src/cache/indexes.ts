import type { KubeObject } from '@wake/events';
import { refKeyOf, type RefKey } from './object-key';

interface OwnerRef { uid: string; controller?: boolean }
const ownerRefs = (o: KubeObject): OwnerRef[] => (o.metadata.ownerReferences as OwnerRef[] | undefined) ?? [];
const nodeNameOf = (o: KubeObject): string | undefined => (o.spec as { nodeName?: string } | undefined)?.nodeName || undefined;

function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}
function removeFrom<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const s = m.get(k);
  if (s?.delete(v) && s.size === 0) m.delete(k);
}

export interface IndexedBefore {
  ownerUids: string[];
  controllerUid?: string;
}

/**
 * The lookups controllers need across kinds, kept up to date from informer events:
 * uid → object, owner uid → dependents (any kind), namespace → objects (per kind),
 * node → pods bound to it.
 */
export class CacheIndexes {
  private readonly byUid = new Map<string, RefKey>();
  private readonly owners = new Map<RefKey, OwnerRef[]>();
  private readonly dependents = new Map<string, Set<RefKey>>();
  private readonly byNamespace = new Map<string, Set<RefKey>>(); // `${kind}/${ns}` → keys
  private readonly podsByNode = new Map<string, Set<RefKey>>();
  private readonly podNode = new Map<RefKey, string>();

  /** Updates the indexes for a live object (ADDED/MODIFIED); returns what they held before. */
  upsert(o: KubeObject): IndexedBefore {
    const key = refKeyOf(o);
    const before = this.before(key);
    this.drop(key, o);
    if (o.metadata.uid) this.byUid.set(o.metadata.uid, key);
    const refs = ownerRefs(o);
    if (refs.length) this.owners.set(key, refs.map((r) => ({ uid: r.uid, controller: r.controller })));
    for (const r of refs) addTo(this.dependents, r.uid, key);
    addTo(this.byNamespace, `${o.kind}/${o.metadata.namespace ?? ''}`, key);
    const node = o.kind === 'Pod' ? nodeNameOf(o) : undefined;
    if (node) {
      addTo(this.podsByNode, node, key);
      this.podNode.set(key, node);
    }
    return before;
  }

  remove(o: KubeObject): IndexedBefore {
    const key = refKeyOf(o);
    const before = this.before(key);
    this.drop(key, o);
    if (o.metadata.uid && this.byUid.get(o.metadata.uid) === key) this.byUid.delete(o.metadata.uid);
    return before;
  }

  keyByUid(uid: string): RefKey | undefined {
    return this.byUid.get(uid);
  }

  dependentsOf(uid: string): RefKey[] {
    return [...(this.dependents.get(uid) ?? [])];
  }

  inNamespace(kind: string, namespace: string): RefKey[] {
    return [...(this.byNamespace.get(`${kind}/${namespace}`) ?? [])];
  }

  podsOnNode(node: string): RefKey[] {
    return [...(this.podsByNode.get(node) ?? [])];
  }

  private before(key: RefKey): IndexedBefore {
    const refs = this.owners.get(key) ?? [];
    return { ownerUids: refs.map((r) => r.uid), controllerUid: refs.find((r) => r.controller)?.uid };
  }

  private drop(key: RefKey, o: KubeObject): void {
    for (const r of this.owners.get(key) ?? []) removeFrom(this.dependents, r.uid, key);
    this.owners.delete(key);
    removeFrom(this.byNamespace, `${o.kind}/${o.metadata.namespace ?? ''}`, key);
    const node = this.podNode.get(key);
    if (node !== undefined) {
      removeFrom(this.podsByNode, node, key);
      this.podNode.delete(key);
    }
  }
}
