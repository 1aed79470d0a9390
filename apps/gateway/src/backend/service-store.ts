import type { EventLog, KubeObject, ObjectKey } from '@wake/events';
import { ObjectStore, randomSuffix, type DeleteOptions, type Subresource, type WriteOptions } from '@wake/store';
import type { Service, ServiceAllocator } from '@wake/services';

/**
 * The gateway's write path with Service allocation (synchronous, as in the apiserver's Service
 * storage): a Service's ClusterIP and NodePorts are allocated before it is stored (rolled back when
 * storing fails), an update allocates on the new object and frees what it replaced once stored, and a
 * removal releases them. `patch` and `apply` end in `create`/`update` here, so they allocate on the
 * patched result. Dry runs allocate nothing. Removals by other components (namespace deletion,
 * garbage collection) are freed by the controllers' allocation repair.
 */
export class ServiceAllocatingStore extends ObjectStore {
  constructor(log: EventLog, private readonly allocator: ServiceAllocator) {
    super(log);
  }

  override async create(input: KubeObject, opts: WriteOptions & { namespace?: string }): Promise<KubeObject> {
    if (input.kind !== 'Service' || opts.dryRun) return super.create(input, opts);
    const { service, rollback } = await this.allocator.allocate(withNamespace(input, opts.namespace) as Service);
    try {
      return await super.create(service as KubeObject, opts);
    } catch (e) {
      await rollback();
      throw e;
    }
  }

  override async update(input: KubeObject, opts: WriteOptions & { subresource?: Subresource }): Promise<KubeObject> {
    if (input.kind !== 'Service' || opts.dryRun || opts.subresource) return super.update(input, opts);
    const current = await this.mustGet({ kind: 'Service', namespace: input.metadata?.namespace ?? '', name: input.metadata?.name });
    const { service, rollback, commit } = await this.allocator.allocate(input as Service, current as Service);
    let saved: KubeObject;
    try {
      saved = await super.update(service as KubeObject, opts);
    } catch (e) {
      await rollback();
      throw e;
    }
    await commit();
    // The last finalizer removed from a Service being deleted: this update was its removal.
    if (saved.metadata.deletionTimestamp && !(saved.metadata.finalizers as string[] | undefined)?.length) await this.allocator.release(saved as Service);
    return saved;
  }

  override async delete(key: ObjectKey, opts: WriteOptions & DeleteOptions): Promise<{ object: KubeObject; removed: boolean }> {
    const result = await super.delete(key, opts);
    if (key.kind === 'Service' && result.removed && !opts.dryRun) await this.allocator.release(result.object as Service);
    return result;
  }
}

/** The namespace and the name (from generateName) fixed before allocating, so the allocations name their Service. */
function withNamespace(o: KubeObject, namespace: string | undefined): KubeObject {
  const meta = { ...o.metadata };
  if (namespace && !meta.namespace) meta.namespace = namespace;
  if (!meta.name && typeof meta.generateName === 'string' && meta.generateName) meta.name = `${meta.generateName}${randomSuffix(Math.random)}`;
  return { ...o, metadata: meta };
}
