import { WakeError } from '@wake/events';

/** Operators of a label requirement, spelled as in the selector string. */
export type LabelOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  /** Sorted and de-duplicated, as apimachinery's string set keeps them. */
  readonly values: readonly string[];
}

/** A parsed label selector: requirements ANDed. `nothing` matches no object at all. */
export interface LabelSelector {
  readonly requirements: readonly LabelRequirement[];
  readonly nothing?: boolean;
}

export type Labels = Readonly<Record<string, string>> | undefined;

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAME_MSG = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

export const selectorError = (message: string): WakeError => new WakeError('BadRequest', message);

/** Problems with a label key (a qualified name), as apimachinery's IsQualifiedName words them. */
export function labelKeyErrors(key: string): string[] {
  const parts = key.split('/');
  if (parts.length > 2) {
    return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  const errs: string[] = [];
  if (prefix !== undefined) {
    if (prefix === '') errs.push('prefix part must be non-empty');
    else if (prefix.length > 253) errs.push('prefix part must be no more than 253 characters');
    else if (!DNS1123_SUBDOMAIN.test(prefix)) {
      errs.push("prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!NAME.test(name)) errs.push(NAME_MSG);
  return errs;
}

export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!VALUE.test(value)) errs.push(VALUE_MSG);
  return errs;
}

/** Builds a requirement with apimachinery's checks (labels.NewRequirement). */
export function newRequirement(key: string, operator: LabelOperator, values: readonly string[]): LabelRequirement {
  const keyErrs = labelKeyErrors(key);
  if (keyErrs.length) throw selectorError(`key: Invalid value: ${JSON.stringify(key)}: ${keyErrs.join('; ')}`);
  const invalid = (msg: string) => selectorError(`values: Invalid value: ${JSON.stringify(values)}: ${msg}`);
  switch (operator) {
    case 'in': case 'notin':
      if (values.length === 0) throw invalid("for 'in', 'notin' operators, values set can't be empty");
      break;
    case '=': case '==': case '!=':
      if (values.length !== 1) throw invalid('exact-match compatibility requires one single value');
      break;
    case 'exists': case '!':
      if (values.length !== 0) throw invalid('values set must be empty for exists and does not exist');
      break;
    case 'gt': case 'lt':
      if (values.length !== 1) throw invalid("for 'Gt', 'Lt' operators, exactly one value is required");
      if (!/^[-+]?\d+$/.test(values[0])) throw invalid("for 'Gt', 'Lt' operators, the value must be an integer");
      break;
  }
  values.forEach((v, i) => {
    const errs = labelValueErrors(v);
    if (errs.length) throw selectorError(`values[${i}]: Invalid value: ${JSON.stringify(v)}: ${errs.join('; ')}`);
  });
  return { key, operator, values: [...new Set(values)].sort() };
}

export function requirementMatches(r: LabelRequirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels![r.key] : undefined;
  switch (r.operator) {
    case 'in': case '=': case '==':
      return has && r.values.includes(value!);
    case 'notin': case '!=':
      return !has || !r.values.includes(value!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt': case 'lt': {
      if (!has || !/^[-+]?\d+$/.test(value!)) return false;
      const [l, v] = [BigInt(value!), BigInt(r.values[0])];
      return r.operator === 'gt' ? l > v : l < v;
    }
  }
}

export function requirementToString(r: LabelRequirement): string {
  switch (r.operator) {
    case 'exists': return r.key;
    case '!': return `!${r.key}`;
    case 'in': case 'notin': return `${r.key} ${r.operator} (${r.values.join(',')})`;
    case 'gt': return `${r.key}>${r.values[0]}`;
    case 'lt': return `${r.key}<${r.values[0]}`;
    default: return `${r.key}${r.operator}${r.values[0]}`;
  }
}

export function matchesLabels(selector: LabelSelector, labels: Labels): boolean {
  return !selector.nothing && selector.requirements.every((r) => requirementMatches(r, labels));
}

/** The canonical string (sorted by key), as `selector.String()` prints it. */
export function selectorToString(selector: LabelSelector): string {
  return selector.requirements.map(requirementToString).join(',');
}

export const sortRequirements = (rs: LabelRequirement[]): LabelRequirement[] =>
  [...rs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
