import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/** The admin token: created once under `<home>/token`. */
export function ensureAdminToken(home: string): string {
  const file = path.join(home, 'token');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(home, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, token + '\n', { mode: 0o600 });
  return token;
}

export interface KubeconfigInput {
  readonly server: string;
  /** PEM; omitted for plain HTTP. */
  readonly caCert?: string;
  readonly token: string;
}

/** A kubeconfig kubectl uses as is. The context is `wake` (never `y`/`n`, which YAML reads as booleans). */
export function kubeconfigYaml(input: KubeconfigInput): string {
  const cluster: Record<string, unknown> = { server: input.server };
  if (input.caCert) cluster['certificate-authority-data'] = Buffer.from(input.caCert).toString('base64');
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'wake', cluster }],
    users: [{ name: 'wake-admin', user: { token: input.token } }],
    contexts: [{ name: 'wake', context: { cluster: 'wake', user: 'wake-admin', namespace: 'default' } }],
    'current-context': 'wake',
    preferences: {},
  });
}

export function writeKubeconfig(file: string, input: KubeconfigInput): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, kubeconfigYaml(input), { mode: 0o600 });
}
