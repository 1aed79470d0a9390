import type { ClusterZone, ZoneRecord } from './cluster-zone';

export type QueryType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'ANY' | string;

export interface Answer {
  readonly name: string;
  readonly record: ZoneRecord;
}

/**
 * The zone's answer to one question, pure:
 * - `outside`: the name is not under the cluster domain (forward it, or refuse);
 * - `nxdomain`: under the domain, but no such name;
 * - `ok`: the name exists; `answers` may be empty (NODATA: e.g. AAAA for a Service), and
 *   `additionals` carries the A records of SRV targets. A CNAME answers any type but CNAME's own.
 */
export function resolveName(zone: ClusterZone, qname: string, qtype: QueryType): { result: 'ok' | 'nxdomain' | 'outside'; answers: Answer[]; additionals: Answer[] } {
  const name = qname.toLowerCase().replace(/\.$/, '');
  if (name !== zone.domain && !name.endsWith(`.${zone.domain}`)) return { result: 'outside', answers: [], additionals: [] };
  const records = zone.names.get(name);
  if (!records) return { result: 'nxdomain', answers: [], additionals: [] };
  const cname = records.find((r) => r.type === 'CNAME');
  const matching = qtype === 'ANY' ? records : records.filter((r) => r.type === qtype);
  const answers = (matching.length || !cname ? matching : [cname]).map((record) => ({ name, record }));
  const additionals: Answer[] = [];
  for (const a of answers) {
    if (a.record.type !== 'SRV') continue;
    const target = a.record.target;
    for (const record of zone.names.get(target) ?? []) if (record.type === 'A') additionals.push({ name: target, record });
  }
  return { result: 'ok', answers, additionals };
}
