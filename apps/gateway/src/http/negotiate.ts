import type { IncludeObject } from '@wake/api';

/** Whether the Accept header asks for a meta.k8s.io Table (`application/json;as=Table;v=v1;g=meta.k8s.io`). */
export function wantsTable(accept: string | undefined): boolean {
  return mediaRanges(accept).some((r) => r.params.as === 'Table' && r.params.g === 'meta.k8s.io' && (r.params.v === 'v1' || r.params.v === 'v1beta1'));
}

/** Whether the Accept header asks for aggregated discovery v2 (never answered to v2beta1-only clients). */
export function wantsAggregatedDiscovery(accept: string | undefined): boolean {
  return mediaRanges(accept).some((r) => r.params.as === 'APIGroupDiscoveryList' && r.params.v === 'v2' && r.params.g === 'apidiscovery.k8s.io');
}

export function includeObjectOf(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

interface MediaRange {
  readonly type: string;
  readonly params: Record<string, string>;
}

export function mediaRanges(accept: string | undefined): MediaRange[] {
  if (!accept) return [];
  return accept.split(',').map((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    const p: Record<string, string> = {};
    for (const kv of params) {
      const i = kv.indexOf('=');
      if (i > 0) p[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
    }
    return { type: type.toLowerCase(), params: p };
  });
}

/** The media type of a Content-Type header, without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
