/** The key/value maps of ConfigMaps and Secrets: key syntax, keys not repeated across maps, immutability. */
import { changed, forbidden, invalid, type Causes } from './causes';
import { configKeyProblems, each } from './names';

export const MAX_DATA_BYTES = 1024 * 1024;

export function validateDataKeys(maps: Record<string, Record<string, unknown> | undefined>): Causes {
  const out: Causes = [];
  const seen = new Map<string, string>();
  for (const [field, map] of Object.entries(maps)) {
    for (const key of Object.keys(map ?? {})) {
      out.push(...each(`${field}[${key}]`, key, configKeyProblems(key)));
      const other = seen.get(key);
      if (other) out.push(invalid(`${field}[${key}]`, key, `duplicate of key present in ${other}`));
      seen.set(key, field);
    }
  }
  return out;
}

/** With `immutable: true` stored, neither the data nor the flag may change (ValidateConfigMapUpdate/ValidateSecretUpdate). */
export function validateImmutableData(obj: Record<string, any>, old: Record<string, any> | undefined, dataFields: string[]): Causes {
  if (!old || old.immutable !== true) return [];
  const out: Causes = [];
  if (obj.immutable !== true) out.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const f of dataFields) if (changed(obj[f] ?? {}, old[f] ?? {})) out.push(forbidden(f, 'field is immutable when `immutable` is set'));
  return out;
}
