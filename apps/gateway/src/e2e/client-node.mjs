// Lists, creates and watches through the gateway with @kubernetes/client-node (ESM-only), as a user program would.
import workerThreads from 'node:worker_threads';
import zlib from 'node:zlib';

// client-node 2.0.1 pulls undici 8 (engines: node >= 22.19), which binds two Node 22 APIs at load time.
// On Node 20 stub them: the gateway never answers with zstd, and nothing here is structured-cloned.
if (!zlib.createZstdDecompress) zlib.createZstdDecompress = () => { throw new Error('zstd is not available on this Node'); };
if (!workerThreads.markAsUncloneable) workerThreads.markAsUncloneable = () => {};
if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve; let reject;
    const promise = new this((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
const k8s = await import('@kubernetes/client-node');

const kc = new k8s.KubeConfig();
kc.loadFromFile(process.argv[2]);
const core = kc.makeApiClient(k8s.CoreV1Api);
const result = {};
const namespaces = await core.listNamespace();
result.namespaces = namespaces.items.map((n) => n.metadata.name).sort();
result.listResourceVersion = namespaces.metadata.resourceVersion;
const seen = [];
const watch = new k8s.Watch(kc);
const opened = await watch.watch('/api/v1/namespaces/default/configmaps', {}, (type, obj) => seen.push(`${type} ${obj.metadata.name}`), () => {});
const created = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'from-client-node' }, data: { a: '1' } } });
result.created = { name: created.metadata.name, uid: Boolean(created.metadata.uid), resourceVersion: created.metadata.resourceVersion };
await core.patchNamespacedConfigMap({ namespace: 'default', name: 'from-client-node', body: { data: { a: '2' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
await core.deleteNamespacedConfigMap({ namespace: 'default', name: 'from-client-node' });
for (let i = 0; i < 100 && seen.filter((s) => s.endsWith('from-client-node')).length < 3; i++) await new Promise((r) => setTimeout(r, 50));
opened.abort();
result.events = seen.filter((s) => s.endsWith('from-client-node'));
const list = await core.listNamespacedConfigMap({ namespace: 'default' });
result.after = list.items.map((c) => c.metadata.name);
process.stdout.write(JSON.stringify(result));
