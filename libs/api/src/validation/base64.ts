/**
 * Standard, padded base64 as Go's encoding/json decodes []byte fields (Secret.data,
 * ConfigMap.binaryData). Returns Go's error text, or undefined when `s` is valid.
 */
export function base64Problem(s: string): string | undefined {
  const bad = s.search(/[^A-Za-z0-9+/=\r\n]/);
  if (bad >= 0) return `illegal base64 data at input byte ${bad}`;
  const clean = s.replace(/[\r\n]/g, '');
  const pad = clean.indexOf('=');
  if (pad >= 0 && (!/^=={0,1}$/.test(clean.slice(pad)) || clean.length % 4 !== 0)) return `illegal base64 data at input byte ${pad}`;
  if (clean.length % 4 !== 0) return `illegal base64 data at input byte ${clean.length - (clean.length % 4)}`;
  return undefined;
}
