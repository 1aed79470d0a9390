import * as dnsPacket from 'dns-packet';
import { DEFAULT_TTL, resolveName, type Answer, type ClusterZone } from '@wake/services';

const NXDOMAIN = 3;
const SERVFAIL = 2;
const FORMERR = 1;
/** Classic DNS over UDP without EDNS: larger answers are truncated and retried over TCP. */
const UDP_LIMIT = 512;

export type Outcome =
  | { readonly type: 'answer'; readonly response: Buffer }
  | { readonly type: 'outside'; readonly query: Buffer }; // not the cluster's: forward it, or refuse

function record(a: Answer, ttl: number): dnsPacket.Answer {
  const r = a.record;
  switch (r.type) {
    case 'A': return { name: a.name, type: 'A', class: 'IN', ttl, data: r.address };
    case 'CNAME': return { name: a.name, type: 'CNAME', class: 'IN', ttl, data: r.target };
    case 'SRV': return { name: a.name, type: 'SRV', class: 'IN', ttl, data: { priority: r.priority, weight: r.weight, port: r.port, target: r.target } };
  }
}

function soa(zone: ClusterZone, ttl: number): dnsPacket.Answer {
  return {
    name: zone.domain, type: 'SOA', class: 'IN', ttl,
    data: { mname: `ns.dns.${zone.domain}`, rname: `hostmaster.${zone.domain}`, serial: 1, refresh: 7200, retry: 1800, expire: 86400, minimum: ttl },
  };
}

/**
 * Answers one DNS message from the cluster zone (dns-packet does the wire format): authoritative,
 * NXDOMAIN for unknown names under the domain, NODATA with the SOA for names that exist without the
 * asked type; `outside` for other domains. Over UDP an answer past 512 bytes (or the client's EDNS
 * size) is sent truncated (TC) so the client asks again over TCP.
 */
export function answerQuery(query: Buffer, zone: ClusterZone, transport: 'udp' | 'tcp', ttl = DEFAULT_TTL): Outcome {
  let q: dnsPacket.DecodedPacket;
  try {
    q = dnsPacket.decode(query);
  } catch {
    return { type: 'answer', response: errorResponse(query, FORMERR) };
  }
  const question = q.questions?.[0];
  if (!question || q.type !== 'query') return { type: 'answer', response: errorResponse(query, FORMERR) };
  const result = resolveName(zone, question.name, question.type);
  if (result.result === 'outside') return { type: 'outside', query };
  const flags = dnsPacket.AUTHORITATIVE_ANSWER | (q.flags ?? 0) & dnsPacket.RECURSION_DESIRED | (result.result === 'nxdomain' ? NXDOMAIN : 0);
  const answers = result.answers.map((a) => record(a, ttl));
  const packet: dnsPacket.Packet = {
    type: 'response', id: q.id, flags, questions: [question], answers,
    authorities: answers.length ? [] : [soa(zone, ttl)],
    additionals: result.additionals.map((a) => record(a, ttl)),
  };
  const full = dnsPacket.encode(packet);
  const opt = (q.additionals ?? []).find((r) => r.type === 'OPT') as { udpPayloadSize?: number } | undefined;
  const limit = Math.max(UDP_LIMIT, opt?.udpPayloadSize ?? 0);
  if (transport === 'udp' && full.length > limit) {
    return { type: 'answer', response: dnsPacket.encode({ ...packet, flags: flags | dnsPacket.TRUNCATED_RESPONSE, answers: [], additionals: [], authorities: [] }) };
  }
  return { type: 'answer', response: full };
}

/** A reply carrying only an error code, built from whatever of the query's header is readable. */
export function errorResponse(query: Buffer, rcode: number = SERVFAIL): Buffer {
  const id = query.length >= 2 ? query.readUInt16BE(0) : 0;
  let questions: dnsPacket.Question[] = [];
  try { questions = dnsPacket.decode(query).questions ?? []; } catch { /* unreadable */ }
  return dnsPacket.encode({ type: 'response', id, flags: rcode, questions });
}

export const REFUSED = 5;
export { NXDOMAIN };
