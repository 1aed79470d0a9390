/** core/v1 PersistentVolumeClaim, minimally: access modes, a storage request, an immutable spec. */
import { changed, forbidden, invalid, notSupported, required, type Causes } from './causes';
import { QUANTITY_MESSAGE, parseQuantity } from './quantity';
import type { Validator } from './validator';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

export const validatePersistentVolumeClaim: Validator = (obj, ctx) => {
  const spec = obj.spec ?? {};
  const out: Causes = [];
  const modes = (spec.accessModes ?? []) as string[];
  if (!modes.length) out.push(required('spec.accessModes', 'at least 1 access mode is required'));
  modes.forEach((m) => { if (!ACCESS_MODES.includes(m)) out.push(notSupported('spec.accessModes', m, ACCESS_MODES)); });
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) out.push(required('spec.resources[storage]'));
  else {
    const n = parseQuantity(storage);
    if (n === undefined) out.push(invalid('spec.resources[storage]', storage, QUANTITY_MESSAGE));
    else if (n <= 0) out.push(invalid('spec.resources[storage]', String(storage), 'must be greater than zero'));
  }
  out.push(...(spec.volumeMode === undefined || ['Block', 'Filesystem'].includes(spec.volumeMode) ? [] : [notSupported('spec.volumeMode', spec.volumeMode, ['Block', 'Filesystem'])]));
  const old = ctx.old?.spec;
  if (old) {
    const strip = (s: Record<string, any>) => ({ ...s, resources: { ...s.resources, requests: undefined }, volumeAttributesClassName: undefined, volumeName: s.volumeName || undefined });
    if (changed(strip(spec), { ...strip(old), volumeName: spec.volumeName && !old.volumeName ? spec.volumeName : old.volumeName || undefined })) {
      out.push(forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
    }
  }
  return out;
};
