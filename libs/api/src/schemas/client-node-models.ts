/**
 * Reads the Kubernetes model descriptions that `@kubernetes/client-node` generates from the
 * Kubernetes OpenAPI document (release-1.36 for client-node 2.0.1): each model's properties with
 * their types and formats (from the generated `attributeTypeMap`, which is a JSON literal) and their
 * descriptions and required-ness (from the generated `.d.ts`).
 *
 * The package is ESM, so it is read as files, never imported. This is the only I/O of the library,
 * done once per model and cached.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ModelProperty {
  readonly name: string;
  readonly type: string; // client-node's TypeScript-ish type: 'string', 'Array<V1Container>', '{ [key: string]: string; }'
  readonly format: string;
  readonly description?: string;
  readonly required: boolean;
}

export interface ModelInfo {
  readonly className: string;
  readonly description?: string;
  readonly properties: readonly ModelProperty[];
}

let modelsDir: string | undefined;

function dir(): string {
  if (!modelsDir) {
    const pkg = require.resolve('@kubernetes/client-node/package.json');
    modelsDir = join(dirname(pkg), 'dist', 'gen', 'models');
  }
  return modelsDir;
}

const cache = new Map<string, ModelInfo | undefined>();

/** The model generated for `className` (e.g. 'V1PodSpec'), or undefined when there is none. */
export function loadModel(className: string): ModelInfo | undefined {
  if (cache.has(className)) return cache.get(className);
  const info = readModel(className);
  cache.set(className, info);
  return info;
}

function readModel(className: string): ModelInfo | undefined {
  const js = join(dir(), `${className}.js`);
  if (!/^[A-Za-z0-9]+$/.test(className) || !existsSync(js)) return undefined;
  const source = readFileSync(js, 'utf8');
  const marker = `${className}.attributeTypeMap = `;
  const at = source.indexOf(marker);
  if (at < 0) return undefined;
  const end = source.indexOf('];', at);
  const map = JSON.parse(source.slice(at + marker.length, end + 1)) as { name: string; baseName: string; type: string; format: string }[];
  const dts = existsSync(join(dir(), `${className}.d.ts`)) ? readFileSync(join(dir(), `${className}.d.ts`), 'utf8') : '';
  const docs = propertyDocs(dts);
  return {
    className,
    description: classDoc(dts, className),
    properties: map.map((a) => ({
      name: a.baseName,
      type: a.type,
      format: a.format,
      description: docs.get(a.name)?.description,
      required: docs.get(a.name)?.required ?? false,
    })),
  };
}

const unescape = (s: string) => s.replace(/\\(['"\\])/g, '$1');

function commentText(body: string): string {
  return unescape(body.split('\n').map((l) => l.replace(/^\s*\*\s?/, '')).join('\n').trim());
}

function classDoc(dts: string, className: string): string | undefined {
  const m = new RegExp(`/\\*\\*\\n((?:\\s*\\*.*\\n)*?)\\s*\\*/\\s*\\nexport declare class ${className}\\b`).exec(dts);
  return m ? commentText(m[1]) : undefined;
}

function propertyDocs(dts: string): Map<string, { description?: string; required: boolean }> {
  const out = new Map<string, { description?: string; required: boolean }>();
  const prop = /(?:\/\*\*\n((?:[ \t]*\*(?!\/).*\n)*?)[ \t]*\*\/\s*\n)?[ \t]*'([^']+)'(\?)?:/g;
  for (let m = prop.exec(dts); m; m = prop.exec(dts)) {
    out.set(m[2], { description: m[1] ? commentText(m[1]) : undefined, required: !m[3] });
  }
  return out;
}
