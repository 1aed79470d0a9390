import type Docker from 'dockerode';

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

export type ImageResult =
  | { readonly type: 'Present'; readonly imageID: string }
  | { readonly type: 'Pulled'; readonly imageID: string }
  | { readonly type: 'PullFailed'; readonly reason: 'ErrImagePull'; readonly message: string }
  | { readonly type: 'NeverPull'; readonly reason: 'ErrImageNeverPull'; readonly message: string };

/** Kubernetes' default: Always for `:latest` or no tag (and no digest), IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): PullPolicy {
  if (image.includes('@')) return 'IfNotPresent';
  const last = image.split('/').pop() ?? image;
  const tag = last.includes(':') ? last.split(':').pop() : undefined;
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** Makes the image present per policy; a pull that cannot succeed is a typed result, not a throw. */
export async function ensureImage(docker: Docker, image: string, policy: PullPolicy = defaultPullPolicy(image)): Promise<ImageResult> {
  const local = await imageId(docker, image);
  if (policy === 'Never') {
    return local
      ? { type: 'Present', imageID: local }
      : { type: 'NeverPull', reason: 'ErrImageNeverPull', message: `Container image "${image}" is not present with pull policy of Never` };
  }
  if (local && policy === 'IfNotPresent') return { type: 'Present', imageID: local };
  try {
    await pull(docker, image);
  } catch (err) {
    return { type: 'PullFailed', reason: 'ErrImagePull', message: `Failed to pull image "${image}": ${messageOf(err)}` };
  }
  const pulled = await imageId(docker, image);
  return pulled
    ? { type: 'Pulled', imageID: pulled }
    : { type: 'PullFailed', reason: 'ErrImagePull', message: `Failed to pull image "${image}": image not found after pull` };
}

async function imageId(docker: Docker, image: string): Promise<string | undefined> {
  try {
    return (await docker.getImage(image).inspect()).Id;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}

function pull(docker: Docker, image: string): Promise<void> {
  return new Promise((resolve, reject) => {
    docker.pull(image, {}, (err: unknown, stream: NodeJS.ReadableStream | undefined) => {
      if (err || !stream) return reject(err ?? new Error('no pull stream'));
      docker.modem.followProgress(stream, (e: unknown, events: { error?: string }[]) => {
        const failed = events?.find((ev) => ev.error);
        if (e || failed) reject(e ?? new Error(failed!.error));
        else resolve();
      });
    });
  });
}

/** Docker's error text without dockerode's "(HTTP code …) … -" prefix. */
export function messageOf(err: unknown): string {
  const e = err as { json?: { message?: string }; reason?: string; message?: string };
  return e?.json?.message ?? e?.message ?? String(err);
}
