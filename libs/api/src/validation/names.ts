/**
 * Kubernetes' string rules (apimachinery `util/validation`) with its wording. Names of objects go
 * through `nameProblem` from @wake/events; the helpers here add the example-and-regex tail that
 * Kubernetes prints, and cover the other string shapes (qualified names, label values, port names,
 * percents, config keys, environment variable names, IPs).
 */
import { isIP } from 'node:net';
import { nameProblem, type NameRule } from '@wake/events';
import { invalid, required, type Causes } from './causes';

const LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN_FMT = `${LABEL_FMT}(\\.${LABEL_FMT})*`;
const QUALIFIED_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QUALIFIED_FMT})?`;

/** apimachinery's RegexError: the message, examples and the regex used. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (!examples.length) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

const TAILS: Partial<Record<NameRule, string>> = {
  'dns-label': regexError('', LABEL_FMT, 'my-name', '123-abc').slice(1),
  'dns-subdomain': regexError('', SUBDOMAIN_FMT, 'example.com').slice(1),
};

/** Why `value` breaks `rule`, worded as Kubernetes (with examples and regex), or undefined. */
export function nameMessage(value: string, rule: NameRule): string | undefined {
  const why = nameProblem(value, rule);
  if (!why || !why.startsWith('a lowercase RFC 1123')) return why;
  return `${why} ${TAILS[rule]}`;
}

/** Required/Invalid causes for a name-like field. */
export function nameCauses(field: string, value: unknown, rule: NameRule): Causes {
  if (value === undefined || value === null || value === '') return [required(field)];
  const why = nameMessage(String(value), rule);
  return why ? [invalid(field, value, why)] : [];
}

export function dnsLabelProblems(value: string): string[] {
  const why = value ? nameMessage(value, 'dns-label') : undefined;
  return why ? [why] : [];
}

export function qualifiedNameProblems(value: string): string[] {
  const parts = value.split('/');
  let name = value;
  const errs: string[] = [];
  if (parts.length === 2) {
    const [prefix] = parts;
    name = parts[1];
    if (!prefix) errs.push('prefix part must be non-empty');
    else {
      const why = nameMessage(prefix, 'dns-subdomain');
      if (why) errs.push(`prefix part ${why}`);
    }
  } else if (parts.length > 2) {
    return [`a qualified name ${regexError(QUALIFIED_MSG, QUALIFIED_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (!name) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (name && !new RegExp(`^${QUALIFIED_FMT}$`).test(name)) {
    errs.push(`name part ${regexError(QUALIFIED_MSG, QUALIFIED_FMT, 'MyName', 'my.name', '123-abc')}`);
  }
  return errs;
}

export function labelValueProblems(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!new RegExp(`^${LABEL_VALUE_FMT}$`).test(value)) {
    errs.push(regexError(`a valid label must be an empty string or ${QUALIFIED_MSG.replace(/^must /, '')}`, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

/** IANA_SVC_NAME, the rule for named container ports. */
export function portNameProblems(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(value)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(value)) errs.push('must contain at least one letter (a-z)');
  if (value.includes('--')) errs.push('must not contain consecutive hyphens (-)');
  if (value.startsWith('-') || value.endsWith('-')) errs.push('must not begin or end with a hyphen (-)');
  return errs;
}

export const PORT_RANGE = 'must be between 1 and 65535, inclusive';

export function isValidPort(n: unknown): boolean {
  return Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 65535;
}

export function percentProblems(value: string): string[] {
  return /^[0-9]+%$/.test(value) ? [] : [regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%')];
}

export function configKeyProblems(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", '[-._a-zA-Z0-9]+', 'key.name', 'KEY_NAME', 'key-name'));
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** Kubernetes 1.32 (RelaxedEnvironmentVariableValidation): printable ASCII except '='. */
export function envVarNameProblems(name: string): string[] {
  return /^[ -<>-~]+$/.test(name) ? [] : ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
}

export function ipProblems(value: string): string[] {
  return isIP(value) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}

/** Invalid causes, one per problem, for `field` holding `value`. */
export function each(field: string, value: unknown, problems: string[]): Causes {
  return problems.map((p) => invalid(field, value, p));
}
