export type Obj = Record<string, any>;

/** Sets `obj[key]` to `value` when it is unset (undefined or null), as Kubernetes' defaulters do. */
export function setDefault(obj: Obj, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value;
}

/** `obj[key]`, created as `{}` when unset. */
export function child(obj: Obj, key: string): Obj {
  setDefault(obj, key, {});
  return obj[key] as Obj;
}
