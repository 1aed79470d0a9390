import { DEFAULT_WEIGHTS, type FilterPluginName, type SchedulerConfig } from './config';

const FILTERS: readonly FilterPluginName[] = [
  'NodeUnschedulable', 'NodeName', 'NodeReady', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'VolumeBinding', 'PodTopologySpread', 'InterPodAffinity',
];
const KEYS = new Set(['percentageOfNodesToScore', 'scoringStrategy', 'scoredResources', 'weights', 'disabledFilters', 'hardPodAffinityWeight', 'defaultTopologySpread', 'preemptionMessage']);

const isNumber = (v: unknown, min: number, max = Infinity) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/**
 * A SchedulerConfig from untrusted JSON (a file, a flag), or every reason it is not one: unknown
 * fields, plugin names the scheduler does not have, weights that are not numbers ≥ 0. A typo such
 * as `{"weights":{"NodeResourceFit":5}}` would otherwise change nothing, silently.
 */
export function checkSchedulerConfig(v: unknown): { ok: true; config: SchedulerConfig } | { ok: false; errors: string[] } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, errors: ['expected a JSON object (a SchedulerConfig)'] };
  const c = v as Record<string, unknown>;
  const errors: string[] = [];
  for (const k of Object.keys(c)) if (!KEYS.has(k)) errors.push(`unknown field "${k}" (known: ${[...KEYS].join(', ')})`);
  if (c.scoringStrategy !== undefined && c.scoringStrategy !== 'LeastAllocated' && c.scoringStrategy !== 'MostAllocated') {
    errors.push(`scoringStrategy must be LeastAllocated or MostAllocated, got ${JSON.stringify(c.scoringStrategy)}`);
  }
  if (c.percentageOfNodesToScore !== undefined && !isNumber(c.percentageOfNodesToScore, 0, 100)) errors.push('percentageOfNodesToScore must be a number from 0 to 100');
  if (c.hardPodAffinityWeight !== undefined && !isNumber(c.hardPodAffinityWeight, 0, 100)) errors.push('hardPodAffinityWeight must be a number from 0 to 100');
  for (const k of ['defaultTopologySpread', 'preemptionMessage']) if (c[k] !== undefined && typeof c[k] !== 'boolean') errors.push(`${k} must be true or false`);
  if (c.weights !== undefined) {
    if (!c.weights || typeof c.weights !== 'object' || Array.isArray(c.weights)) errors.push('weights must be an object of score plugin → weight');
    else {
      for (const [plugin, w] of Object.entries(c.weights)) {
        if (!(plugin in DEFAULT_WEIGHTS)) errors.push(`weights: unknown score plugin "${plugin}" (known: ${Object.keys(DEFAULT_WEIGHTS).join(', ')})`);
        else if (!isNumber(w, 0)) errors.push(`weights: ${plugin} must be a number ≥ 0`);
      }
    }
  }
  if (c.disabledFilters !== undefined) {
    if (!Array.isArray(c.disabledFilters)) errors.push('disabledFilters must be a list of filter plugin names');
    else for (const f of c.disabledFilters) if (!FILTERS.includes(f as FilterPluginName)) errors.push(`disabledFilters: unknown filter plugin ${JSON.stringify(f)} (known: ${FILTERS.join(', ')})`);
  }
  if (c.scoredResources !== undefined) {
    const ok = Array.isArray(c.scoredResources) && c.scoredResources.every((r) => r && typeof r === 'object' && typeof (r as { name?: unknown }).name === 'string' && isNumber((r as { weight?: unknown }).weight, 0));
    if (!ok) errors.push('scoredResources must be a list of { name, weight ≥ 0 }');
  }
  return errors.length ? { ok: false, errors } : { ok: true, config: c as SchedulerConfig };
}
