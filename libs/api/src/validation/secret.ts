/** core/v1 Secret (ValidateSecret, ValidateSecretUpdate): keys, base64 values, size and type-specific keys. */
import { changed, immutable, invalid, required, tooLong, type Causes } from './causes';
import { base64Problem } from './base64';
import { MAX_DATA_BYTES, validateDataKeys, validateImmutableData } from './data-keys';
import type { Validator } from './validator';

const REDACTED = '<secret contents redacted>';

/** Keys each well-known type needs (all of them, or any one for basic-auth). */
const REQUIRED_KEYS: Record<string, { keys: string[]; any?: boolean }> = {
  'kubernetes.io/tls': { keys: ['tls.crt', 'tls.key'] },
  'kubernetes.io/dockerconfigjson': { keys: ['.dockerconfigjson'] },
  'kubernetes.io/dockercfg': { keys: ['.dockercfg'] },
  'kubernetes.io/ssh-auth': { keys: ['ssh-privatekey'] },
  'kubernetes.io/basic-auth': { keys: ['username', 'password'], any: true },
};

export const validateSecret: Validator = (obj, ctx) => {
  const data = (obj.data ?? {}) as Record<string, unknown>;
  const out: Causes = validateDataKeys({ data, stringData: obj.stringData });
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    const why = typeof v === 'string' ? base64Problem(v) : 'illegal base64 data at input byte 0';
    if (why) out.push(invalid(`data[${k}]`, REDACTED, why));
    else size += Buffer.from(v as string, 'base64').length;
  }
  for (const v of Object.values(obj.stringData ?? {})) size += Buffer.byteLength(String(v));
  if (size > MAX_DATA_BYTES) out.push(tooLong('data', MAX_DATA_BYTES));
  const has = (k: string) => k in data || k in (obj.stringData ?? {});
  const rule = REQUIRED_KEYS[obj.type ?? 'Opaque'];
  if (rule) {
    const missing = rule.keys.filter((k) => !has(k));
    if (rule.any ? missing.length === rule.keys.length : missing.length) {
      out.push(...missing.map((k) => required(`data[${k}]`)));
    }
  }
  if (obj.type === 'kubernetes.io/service-account-token' && !obj.metadata?.annotations?.['kubernetes.io/service-account.name']) {
    out.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
  }
  if (ctx.old && changed(obj.type ?? 'Opaque', ctx.old.type ?? 'Opaque')) out.push(immutable('type', obj.type ?? ''));
  out.push(...validateImmutableData(obj, ctx.old, ['data']));
  return out;
};
