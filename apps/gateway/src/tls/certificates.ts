import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface ServingMaterial {
  readonly caCert: string;
  readonly cert: string;
  readonly key: string;
}

const FILES = { caCert: 'ca.crt', caKey: 'ca.key', cert: 'serving.crt', key: 'serving.key' } as const;

/**
 * The cluster CA and the gateway's serving certificate (127.0.0.1, localhost), created on
 * first start under `<home>/pki` with the `selfsigned` library and reused afterwards.
 */
export async function ensureServingMaterial(home: string): Promise<ServingMaterial> {
  const dir = path.join(home, 'pki');
  const file = (f: string) => path.join(dir, f);
  if (Object.values(FILES).every((f) => fs.existsSync(file(f)))) {
    return { caCert: read(file(FILES.caCert)), cert: read(file(FILES.cert)), key: read(file(FILES.key)) };
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const now = Date.now();
  const notBeforeDate = new Date(now - 60_000);
  const ca = await generate([{ name: 'commonName', value: 'wake-ca' }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notBeforeDate, notAfterDate: new Date(now + 10 * 365 * 86400_000),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const serving = await generate([{ name: 'commonName', value: 'wake-gateway' }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notBeforeDate, notAfterDate: new Date(now + 2 * 365 * 86400_000),
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  write(file(FILES.caCert), ca.cert);
  write(file(FILES.caKey), ca.private);
  write(file(FILES.key), serving.private);
  write(file(FILES.cert), serving.cert);
  return { caCert: ca.cert, cert: serving.cert, key: serving.private };
}

const read = (f: string) => fs.readFileSync(f, 'utf8');
const write = (f: string, data: string) => fs.writeFileSync(f, data, { mode: 0o600 });
