import type { EventLog, KubeObject } from '@wake/events';
import { Informer, type InformerEvent, type SnapshotSource } from '@wake/runtime';
import type { CacheHandler } from './cache-event';
import { CacheIndexes } from './indexes';
import { parseRefKey, type RefKey } from './object-key';

/**
 * The controllers' view of the cluster: one Informer per kind (initial list from the
 * projection when a snapshot source is given, else from the log), plus indexes across kinds.
 * Handlers run after the informer's cache and the indexes have applied a change.
 */
export class ClusterCache {
  private readonly informers = new Map<string, Informer>();
  private readonly indexes = new CacheIndexes();
  private readonly handlers: CacheHandler[] = [];
  private progressWaiters: Array<() => void> = [];

  constructor(log: EventLog, readonly kinds: readonly string[], source?: SnapshotSource) {
    for (const kind of kinds) {
      const informer = new Informer(log, { kind }, source);
      informer.on((e) => this.apply(kind, e));
      this.informers.set(kind, informer);
    }
  }

  on(handler: CacheHandler): void {
    this.handlers.push(handler);
  }

  /** Lists every kind, then follows the log. Resolves when every kind is listed. */
  async start(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.start()));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.stop()));
    this.wake();
  }

  get<T = KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    return this.informers.get(kind)?.get(namespace, name) as T | undefined;
  }

  getRef<T = KubeObject>(key: RefKey): T | undefined {
    const { kind, namespace, name } = parseRefKey(key);
    return this.get<T>(kind, namespace, name);
  }

  getByUid<T = KubeObject>(uid: string): T | undefined {
    const key = this.indexes.keyByUid(uid);
    return key ? this.getRef<T>(key) : undefined;
  }

  /** Objects of a kind in one namespace ('' for cluster-scoped kinds). */
  list<T = KubeObject>(kind: string, namespace: string): T[] {
    return this.resolve<T>(this.indexes.inNamespace(kind, namespace));
  }

  /** Every cached object of a kind. */
  listAll<T = KubeObject>(kind: string): T[] {
    return (this.informers.get(kind)?.list() ?? []) as T[];
  }

  /** Objects (any kind, or one kind) whose ownerReferences name this uid. */
  dependentsOf<T = KubeObject>(uid: string, kind?: string): T[] {
    const keys = this.indexes.dependentsOf(uid).filter((k) => !kind || k.startsWith(`${kind}/`));
    return this.resolve<T>(keys);
  }

  dependentKeysOf(uid: string): RefKey[] {
    return this.indexes.dependentsOf(uid);
  }

  podsOnNode<T = KubeObject>(node: string): T[] {
    return this.resolve<T>(this.indexes.podsOnNode(node));
  }

  /** The last log sequence the informer of a kind has applied. */
  seqOf(kind: string): number {
    return this.informers.get(kind)?.lastSeq ?? 0;
  }

  /** Waits (bounded) until the informer of `kind` has applied sequence `seq`; false on timeout. */
  async waitFor(kind: string, seq: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.seqOf(kind) < seq) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 50));
        this.progressWaiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
    return true;
  }

  private resolve<T>(keys: RefKey[]): T[] {
    const out: T[] = [];
    for (const k of keys) {
      const o = this.getRef<T>(k);
      if (o) out.push(o);
    }
    return out;
  }

  private apply(kind: string, e: InformerEvent): void {
    const before = e.type === 'DELETED' ? this.indexes.remove(e.object) : this.indexes.upsert(e.object);
    const ce = { type: e.type, kind, object: e.object, event: e.event, oldOwnerUids: before.ownerUids, oldControllerUid: before.controllerUid };
    for (const h of this.handlers) {
      try {
        h(ce);
      } catch (err) {
        process.stderr.write(`cache handler failed on ${kind} ${e.object.metadata.name}: ${(err as Error).stack}\n`);
      }
    }
    this.wake();
  }

  private wake(): void {
    const waiters = this.progressWaiters;
    this.progressWaiters = [];
    for (const w of waiters) w();
  }
}
