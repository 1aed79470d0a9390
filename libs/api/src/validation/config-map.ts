/** core/v1 ConfigMap (ValidateConfigMap, ValidateConfigMapUpdate). */
import { tooLong, type Causes } from './causes';
import { MAX_DATA_BYTES, validateDataKeys, validateImmutableData } from './data-keys';
import type { Validator } from './validator';

export const validateConfigMap: Validator = (obj, ctx) => {
  const out: Causes = validateDataKeys({ data: obj.data, binaryData: obj.binaryData });
  let size = 0;
  for (const v of Object.values(obj.data ?? {})) size += Buffer.byteLength(String(v));
  for (const v of Object.values(obj.binaryData ?? {})) size += Buffer.from(String(v), 'base64').length;
  if (size > MAX_DATA_BYTES) out.push(tooLong('', MAX_DATA_BYTES));
  out.push(...validateImmutableData(obj, ctx.old, ['data', 'binaryData']));
  return out;
};
