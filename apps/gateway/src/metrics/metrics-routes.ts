import { kindInfo, type KindInfo, type KubeObject } from '@wake/events';
import { actorString } from '@wake/store';
import { sendJson } from '../http/reply';
import { HttpError, methodNotAllowed, notFoundPath } from '../http/status';
import { forbidden } from '../auth/forbidden';
import { consistentSnapshot } from '../resources/read';
import { selectionOf, selects } from '../resources/list-query';
import { query, type RequestContext } from '../server/context';
import { metricsApiGroupDocument, metricsApiResourceList } from './metrics-discovery';
import {
  metricsNotFound, nodeMetricsItem, nodeMetricsList, nodeMetricsOf, podMetricsItem, podMetricsList, podMetricsOf,
  type NodeMetrics, type PodMetrics,
} from './metrics-documents';
import { METRICS_GROUP, type MetricsPath } from './metrics-path';
import { nodeSnapshots } from '@wake/node-api';

const POD = kindInfo('Pod')!;
const NODE = kindInfo('Node')!;

/**
 * Serves the resource metrics API (parsed by parseMetricsPath), which `kubectl top` reads. The
 * objects (and their labels, for selectors) come from the projection; the usage from the node
 * agents, asked over NATS at request time. Users may read it all; node credentials nothing, as
 * upstream's system:node role grants no metrics.k8s.io.
 */
export async function serveMetrics(ctx: RequestContext, path: MetricsPath): Promise<void> {
  const method = ctx.req.method ?? 'GET';
  ctx.verb = 'get';
  if (method !== 'GET') throw new HttpError(methodNotAllowed(method));
  switch (path.type) {
    case 'group': ctx.resource = 'discovery'; return sendJson(ctx.res, 200, metricsApiGroupDocument());
    case 'version': ctx.resource = 'discovery'; return sendJson(ctx.res, 200, metricsApiResourceList());
    case 'unknown': throw new HttpError(notFoundPath());
  }
  const name = path.name;
  const namespace = path.type === 'pods' ? path.namespace : undefined;
  ctx.verb = name === undefined ? 'list' : 'get';
  ctx.resource = `${path.type}.${METRICS_GROUP}`;
  if (ctx.user.type === 'node') {
    throw new HttpError(forbidden({ user: actorString(ctx.user), verb: ctx.verb, resource: path.type, group: METRICS_GROUP, namespace, name }, ''));
  }
  return path.type === 'nodes' ? nodes(ctx, name) : pods(ctx, namespace, name);
}

/** The objects of a kind a request selects (labelSelector, fieldSelector; one name for a get). */
async function selected(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string | undefined): Promise<KubeObject[]> {
  const sel = selectionOf(info.kind, query(ctx, 'labelSelector'), query(ctx, 'fieldSelector'));
  const { objects } = await consistentSnapshot(ctx, info, namespace);
  return objects.filter((o) => (name === undefined || o.metadata.name === name) && selects(sel, info.kind, o));
}

async function nodes(ctx: RequestContext, name: string | undefined): Promise<void> {
  const objects = await selected(ctx, NODE, undefined, name);
  const snaps = await nodeSnapshots(ctx.deps.nc, objects.map((n) => n.metadata.name));
  const items = objects.map((n) => nodeMetricsOf(n, snaps.get(n.metadata.name), ctx.deps.now())).filter((m): m is NodeMetrics => !!m);
  if (name === undefined) return sendJson(ctx.res, 200, nodeMetricsList(items));
  if (!items[0]) throw new HttpError(metricsNotFound('nodemetrics', name));
  return sendJson(ctx.res, 200, nodeMetricsItem(items[0]));
}

async function pods(ctx: RequestContext, namespace: string | undefined, name: string | undefined): Promise<void> {
  // Only pods bound to a node can have usage; their node's agent has it.
  const nodeOf = (p: KubeObject) => (p.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
  const objects = (await selected(ctx, POD, namespace, name)).filter((p) => nodeOf(p) !== '');
  const snaps = await nodeSnapshots(ctx.deps.nc, objects.map(nodeOf));
  const items = objects.map((p) => podMetricsOf(p, snaps.get(nodeOf(p)), ctx.deps.now())).filter((m): m is PodMetrics => !!m);
  if (name === undefined) return sendJson(ctx.res, 200, podMetricsList(items));
  if (!items[0]) throw new HttpError(metricsNotFound('podmetrics', name));
  return sendJson(ctx.res, 200, podMetricsItem(items[0]));
}
