import { openApiV3Document } from '@wake/api';
import { actorString } from '@wake/store';
import { methodNotAllowed, notFoundPath, failure, HttpError } from '../http/status';
import { sendJson } from '../http/reply';
import { wantsAggregatedDiscovery } from '../http/negotiate';
import { parseApiPath } from '../routing/parse-path';
import {
  AGGREGATED_CONTENT_TYPE, aggregatedDiscovery, apiGroupDocument, apiGroupList, apiResourceList, apiVersions, versionInfo,
} from '../discovery/discovery';
import { groupVersionDocument, groupVersionOfPath, openApiRoot } from '../openapi/openapi';
import { getObject, listObjects } from '../resources/read';
import { createObject, deleteCollection, deleteObject, patchObject, updateObject } from '../resources/write';
import { getScale, patchScale, updateScale } from '../resources/scale';
import { bindPod, evictPod } from '../resources/pod-actions';
import { parseAutoscalingV1Path, serveAutoscalingV1 } from '../resources/autoscaling-v1';
import { watchObjects } from '../watch/watch-stream';
import { streamLogs } from '../nodes/logs';
import { parseHistoryPath } from '../history/history-path';
import { serveHistory } from '../history/history-routes';
import { parseMetricsPath } from '../metrics/metrics-path';
import { serveMetrics } from '../metrics/metrics-routes';
import { authorizeNodeRead } from '../auth/node-authorizer';
import { forbiddenPath } from '../auth/forbidden';
import { reviewOfPath, serveSelfReview } from '../auth/self-reviews';
import { query, type RequestContext } from './context';

/** Routes one authenticated request to its handler. Errors propagate to the dispatcher. */
export async function route(ctx: RequestContext): Promise<void> {
  const { req, res, url } = ctx;
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/version') return sendJson(res, 200, versionInfo());
  if (path === '/openapi/v3') return sendJson(res, 200, openApiRoot());
  if (path.startsWith('/openapi/v3/')) {
    const gv = groupVersionOfPath(path);
    const doc = gv ? groupVersionDocument(gv) : undefined;
    if (!doc || !openApiV3Document(gv!)) throw new HttpError(notFoundPath());
    res.setHeader('Cache-Control', 'public, immutable');
    return sendJson(res, 200, doc.body);
  }
  const history = parseHistoryPath(path);
  // The history API serves every object's past contents (Secrets too): not for node credentials.
  if (history && ctx.user.type === 'node') throw new HttpError(forbiddenPath(actorString(ctx.user), method.toLowerCase(), path));
  if (history) return serveHistory(ctx, history);
  const metrics = parseMetricsPath(path);
  if (metrics) return serveMetrics(ctx, metrics);
  const review = reviewOfPath(path);
  if (review) return serveSelfReview(ctx, review);
  const hpaV1 = parseAutoscalingV1Path(path);
  if (hpaV1) return serveAutoscalingV1(ctx, hpaV1);
  const api = parseApiPath(path);
  switch (api.type) {
    case 'root-discovery':
      ctx.verb = 'get'; ctx.resource = 'discovery';
      if (wantsAggregatedDiscovery(req.headers.accept)) return sendJson(res, 200, aggregatedDiscovery(api.legacy), AGGREGATED_CONTENT_TYPE);
      return sendJson(res, 200, api.legacy ? apiVersions(`${ctx.deps.config.host}:${req.socket.localPort}`) : apiGroupList());
    case 'group-discovery': {
      const doc = apiGroupDocument(api.group);
      if (!doc) throw new HttpError(notFoundPath());
      return sendJson(res, 200, doc);
    }
    case 'version-discovery': {
      const doc = apiResourceList(api.group, api.version);
      if (!doc) throw new HttpError(notFoundPath());
      return sendJson(res, 200, doc);
    }
    case 'unknown-resource':
      throw new HttpError(failure(404, 'NotFound', 'the server could not find the requested resource', { group: api.group, kind: api.resource }));
    case 'other':
      throw new HttpError(notFoundPath());
  }
  const { info, namespace, name, subresource } = api;
  ctx.resource = subresource ? `${info.plural}/${subresource}` : info.plural;
  if (info.namespaced && name !== undefined && namespace === undefined) throw new HttpError(notFoundPath());
  if (subresource && !info.subresources.includes(subresource)) throw new HttpError(notFoundPath());
  await authorizeNodeRead(ctx, info, namespace, name, subresource);
  if (name === undefined) {
    switch (method) {
      case 'GET':
        if (query(ctx, 'watch') === 'true' || query(ctx, 'watch') === '1') { ctx.verb = 'watch'; return watchObjects(ctx, info, namespace); }
        ctx.verb = 'list'; return listObjects(ctx, info, namespace);
      case 'POST': ctx.verb = 'create'; return createObject(ctx, info, namespace);
      case 'DELETE': ctx.verb = 'deletecollection'; return deleteCollection(ctx, info, namespace);
      default: throw new HttpError(methodNotAllowed(method));
    }
  }
  if (subresource === 'scale') {
    switch (method) {
      case 'GET': ctx.verb = 'get'; return getScale(ctx, info, namespace, name);
      case 'PUT': ctx.verb = 'update'; return updateScale(ctx, info, namespace, name);
      case 'PATCH': ctx.verb = 'patch'; return patchScale(ctx, info, namespace, name);
      default: throw new HttpError(methodNotAllowed(method));
    }
  }
  if (subresource === 'binding' && method === 'POST') { ctx.verb = 'create'; return bindPod(ctx, info, namespace, name); }
  if (subresource === 'eviction' && method === 'POST') { ctx.verb = 'create'; return evictPod(ctx, info, namespace, name); }
  if (subresource === 'log' && method === 'GET') { ctx.verb = 'get'; return streamLogs(ctx, namespace!, name); }
  if (subresource === 'exec' || subresource === 'attach') throw new HttpError(failure(400, 'BadRequest', `${subresource} needs a WebSocket upgrade (v5.channel.k8s.io or v4.channel.k8s.io)`));
  if (subresource === 'portforward') throw new HttpError(failure(400, 'BadRequest', 'port-forward needs an upgrade: WebSocket (SPDY/3.1+portforward.k8s.io) or SPDY/3.1'));
  const sub = subresource === 'status' ? 'status' : undefined;
  if (subresource === 'finalize' && method !== 'PUT') throw new HttpError(methodNotAllowed(method));
  if (subresource && subresource !== 'status' && subresource !== 'finalize') throw new HttpError(methodNotAllowed(method));
  switch (method) {
    case 'GET': ctx.verb = 'get'; return getObject(ctx, info, namespace, name);
    case 'PUT': ctx.verb = 'update'; return updateObject(ctx, info, namespace, name, sub);
    case 'PATCH': ctx.verb = 'patch'; return patchObject(ctx, info, namespace, name, sub);
    case 'DELETE':
      if (subresource) throw new HttpError(methodNotAllowed(method));
      ctx.verb = 'delete'; return deleteObject(ctx, info, namespace, name);
    default: throw new HttpError(methodNotAllowed(method));
  }
}
