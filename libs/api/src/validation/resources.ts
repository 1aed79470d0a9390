/**
 * Container resource requirements (core validateResourceRequirements): resource names, quantity
 * syntax, non-negative values, whole numbers for extended resources, and requests <= limits.
 */
import { invalid, type Causes } from './causes';
import { QUANTITY_MESSAGE, parseQuantity } from './quantity';
import { each, qualifiedNameProblems } from './names';

type Requirements = { limits?: Record<string, unknown>; requests?: Record<string, unknown> } | undefined;

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage']);

export function validateResources(res: Requirements, path: string): Causes {
  if (!res) return [];
  const out: Causes = [];
  const limits = quantities(res.limits, `${path}.limits`, out);
  const requests = quantities(res.requests, `${path}.requests`, out);
  for (const [name, req] of requests) {
    const lim = limits.get(name);
    if (lim === undefined || req.value <= lim.value) continue;
    out.push(invalid(`${path}.requests[${name}]`, String(req.raw), `must be less than or equal to ${name} limit of ${lim.raw}`));
  }
  return out;
}

function quantities(list: Record<string, unknown> | undefined, path: string, out: Causes) {
  const parsed = new Map<string, { raw: unknown; value: number }>();
  for (const [name, raw] of Object.entries(list ?? {})) {
    const field = `${path}[${name}]`;
    out.push(...resourceNameCauses(field, name));
    const value = typeof raw === 'string' || typeof raw === 'number' ? parseQuantity(raw) : undefined;
    if (value === undefined) {
      out.push(invalid(field, raw, QUANTITY_MESSAGE));
      continue;
    }
    if (value < 0) out.push(invalid(field, String(raw), 'must be greater than or equal to 0'));
    else if (name.includes('/') && !Number.isInteger(value)) out.push(invalid(field, String(raw), 'must be an integer'));
    parsed.set(name, { raw, value });
  }
  return parsed;
}

function resourceNameCauses(field: string, name: string): Causes {
  if (name.includes('/')) return each(field, name, qualifiedNameProblems(name));
  if (STANDARD.has(name) || /^hugepages-/.test(name)) return [];
  return [invalid(field, name, 'must be a standard resource for containers')];
}
