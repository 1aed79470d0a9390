import { applyPatch, formatLabelSelector } from '@wake/api';
import { ConflictError, type KindInfo, type KubeObject } from '@wake/events';
import { decodeObjectBody, readBody, requireObject } from '../http/body';
import { sendJson } from '../http/reply';
import { badRequest, HttpError } from '../http/status';
import type { RequestContext } from '../server/context';
import { keyFor } from './read';
import { patchBody } from './write';
import { writeOptions } from './write-options';

interface Scale {
  kind: 'Scale';
  apiVersion: 'autoscaling/v1';
  metadata: Record<string, unknown>;
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

/** The autoscaling/v1 Scale view of a Deployment, ReplicaSet or StatefulSet. */
export function scaleOf(obj: KubeObject): Scale {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: unknown };
  const status = (obj.status ?? {}) as { replicas?: number };
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, ...(spec.selector ? { selector: formatLabelSelector(spec.selector as never) } : {}) },
  };
}

async function writeScale(ctx: RequestContext, info: KindInfo, current: KubeObject, scale: Scale): Promise<void> {
  const replicas = scale.spec?.replicas;
  if (!Number.isInteger(replicas) || (replicas as number) < 0) {
    throw new HttpError({ ...badRequest(''), code: 422, reason: 'Invalid', message: `Scale.autoscaling "${current.metadata.name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`, details: { name: current.metadata.name, group: 'autoscaling', kind: 'Scale', causes: [{ reason: 'FieldValueInvalid', field: 'spec.replicas', message: `Invalid value: ${replicas}: must be greater than or equal to 0` }] } });
  }
  const rv = (scale.metadata?.resourceVersion as string | undefined) || current.metadata.resourceVersion;
  const next = { ...current, metadata: { ...current.metadata, resourceVersion: rv }, spec: { ...(current.spec as object), replicas } };
  const updated = await ctx.deps.store.update(next, writeOptions(ctx, []));
  sendJson(ctx.res, 200, scaleOf(updated));
}

export async function getScale(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string): Promise<void> {
  sendJson(ctx.res, 200, scaleOf(await ctx.deps.store.mustGet(keyFor(info, namespace, name))));
}

export async function updateScale(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string): Promise<void> {
  const body = requireObject(decodeObjectBody(await readBody(ctx.req, ctx.deps.config.maxBodyBytes), ctx.req.headers['content-type'])) as unknown as Scale;
  const current = await ctx.deps.store.mustGet(keyFor(info, namespace, name));
  await writeScale(ctx, info, current, body);
}

/** PATCH …/scale (kubectl scale sends a merge patch): patches the Scale view, retrying on conflicts. */
export async function patchScale(ctx: RequestContext, info: KindInfo, namespace: string | undefined, name: string): Promise<void> {
  const { type, body } = await patchBody(ctx);
  if (type === 'application/apply-patch+yaml') throw new HttpError(badRequest('server-side apply of scale is not supported by Wake'));
  for (let attempt = 0; ; attempt++) {
    const current = await ctx.deps.store.mustGet(keyFor(info, namespace, name));
    const patched = applyPatch(scaleOf(current), body, type, 'Scale');
    try {
      await writeScale(ctx, info, current, patched);
      return;
    } catch (e) {
      const pinned = patched.metadata?.resourceVersion !== current.metadata.resourceVersion;
      if (!(e instanceof ConflictError) || pinned || attempt >= 4) throw e;
    }
  }
}
