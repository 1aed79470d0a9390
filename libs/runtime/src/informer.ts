import { isRemoval, objectAt, type EventFilter, type EventLog, type EventWatch, type KubeObject, type StoredEvent } from '@wake/events';

export type InformerEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface InformerEvent {
  readonly type: InformerEventType;
  readonly object: KubeObject;
  /** The log event behind this change (absent for objects from the initial list). */
  readonly event?: StoredEvent;
}

/** Where an informer gets its initial list: the projection (ProjectionStore.snapshot fits). */
export interface SnapshotSource {
  snapshot(kind: string, namespace?: string): Promise<{ objects: KubeObject[]; seq: number }>;
}

const keyOf = (o: { metadata: { namespace?: string; name: string } }) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/**
 * A cache of one kind kept from the log: an initial list (from the projection at a known
 * sequence, or by reading the log), then a watch of the log from that sequence. Handlers see
 * every change after the cache has applied it. Components never re-list per item.
 */
export class Informer {
  private readonly cache = new Map<string, KubeObject>();
  private readonly handlers: Array<(e: InformerEvent) => void> = [];
  private watch?: EventWatch;
  private loop?: Promise<void>;
  lastSeq = 0;
  synced = false;

  constructor(private readonly log: EventLog, readonly filter: EventFilter & { kind: string }, private readonly source?: SnapshotSource) {}

  on(handler: (e: InformerEvent) => void): this {
    this.handlers.push(handler);
    return this;
  }

  get(namespace: string, name: string): KubeObject | undefined {
    return this.cache.get(`${namespace}/${name}`);
  }

  list(predicate?: (o: KubeObject) => boolean): KubeObject[] {
    const all = [...this.cache.values()];
    return predicate ? all.filter(predicate) : all;
  }

  /** Resolves once the initial list is in the cache (and handlers have seen it as ADDED). */
  async start(): Promise<void> {
    if (this.source) {
      const { objects, seq } = await this.source.snapshot(this.filter.kind, this.filter.namespace);
      for (const o of objects) this.upsert(o, undefined);
      this.lastSeq = seq;
    } else {
      for await (const e of this.log.read({ filter: this.filter })) this.apply(e);
      this.lastSeq = Math.max(this.lastSeq, await this.log.lastSeq());
    }
    this.synced = true;
    this.watch = await this.log.watch({ afterSeq: this.lastSeq, filter: this.filter });
    this.loop = (async () => {
      for await (const e of this.watch!) this.apply(e);
    })();
  }

  async stop(): Promise<void> {
    await this.watch?.close();
    await this.loop?.catch(() => undefined);
  }

  private apply(e: StoredEvent): void {
    if (e.seq <= this.lastSeq && this.synced) return;
    this.lastSeq = Math.max(this.lastSeq, e.seq);
    const key = `${e.namespace}/${e.name}`;
    const current = this.cache.get(key);
    if (current && Number(current.metadata.resourceVersion) >= e.seq) return;
    if (isRemoval(e)) {
      if (!current) return;
      this.cache.delete(key);
      this.emit({ type: 'DELETED', object: objectAt(e), event: e });
      return;
    }
    this.upsert(objectAt(e), e);
  }

  private upsert(o: KubeObject, e: StoredEvent | undefined): void {
    const key = keyOf(o);
    const existed = this.cache.has(key);
    this.cache.set(key, o);
    this.emit({ type: existed ? 'MODIFIED' : 'ADDED', object: o, event: e });
  }

  private emit(e: InformerEvent): void {
    for (const h of this.handlers) h(e);
  }
}
