import type { CoreV1Event, V1EndpointSlice, V1Lease, V1PodDisruptionBudget } from '@kubernetes/client-node';
import { timestampSince } from './human-duration';
import { AGE_COLUMN, NAME_COLUMN, type Printer, type Wire, col, wide } from './table-types';

const age = (o: { metadata?: { creationTimestamp?: string } }, now: Date) => timestampSince(o.metadata?.creationTimestamp, now);
const name = (o: { metadata?: { name?: string } }) => o.metadata?.name ?? '';

export const eventPrinter: Printer<Wire<CoreV1Event>> = {
  columns: [
    col('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
    col('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
    col('Reason', 'string', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
    col('Object', 'string', 'The object that this event is about.'),
    wide('Subobject', 'string', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.'),
    wide('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.'),
    col('Message', 'string', 'A human-readable description of the status of this operation.'),
    wide('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)'),
    wide('Count', 'string', 'The number of times this event has occurred.'),
    { ...NAME_COLUMN, priority: 1 },
  ],
  cells(ev, now) {
    const first = ev.firstTimestamp ? timestampSince(ev.firstTimestamp, now) : timestampSince(ev.eventTime, now);
    let last = ev.lastTimestamp ? timestampSince(ev.lastTimestamp, now) : first;
    let count = ev.count ?? 0;
    if (ev.series) {
      last = timestampSince(ev.series.lastObservedTime, now);
      count = ev.series.count ?? 0;
    } else if (count === 0) {
      count = 1;
    }
    const io = ev.involvedObject;
    const target = io?.name ? `${(io.kind ?? '').toLowerCase()}/${io.name}` : (io?.kind ?? '').toLowerCase();
    const component = ev.source?.component || ev.reportingComponent || '';
    const instance = ev.source?.host || ev.reportingInstance || '';
    return [last, ev.type ?? '', ev.reason ?? '', target, io?.fieldPath ?? '', instance ? `${component}, ${instance}` : component,
      (ev.message ?? '').trim(), first, count, name(ev)];
  },
};

export const leasePrinter: Printer<Wire<V1Lease>> = {
  columns: [NAME_COLUMN, col('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease.'), AGE_COLUMN],
  cells: (l, now) => [name(l), l.spec?.holderIdentity ?? '', age(l, now)],
};

/** printPodDisruptionBudget: the budget as set (IntOrString.String(), N/A when unset) and the disruptions allowed now. */
export const podDisruptionBudgetPrinter: Printer<Wire<V1PodDisruptionBudget>> = {
  columns: [
    NAME_COLUMN,
    col('Min Available', 'string', 'The minimum number of pods that must be available.'),
    col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    AGE_COLUMN,
  ],
  cells(pdb, now) {
    const budget = (v: number | string | undefined) => (v === undefined || v === null ? 'N/A' : String(v));
    return [name(pdb), budget(pdb.spec?.minAvailable as number | string | undefined), budget(pdb.spec?.maxUnavailable as number | string | undefined),
      pdb.status?.disruptionsAllowed ?? 0, age(pdb, now)];
  },
};

export const endpointSlicePrinter: Printer<Wire<V1EndpointSlice>> = {
  columns: [
    NAME_COLUMN,
    col('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice.'),
    col('Ports', 'string', 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
    col('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice.'),
    AGE_COLUMN,
  ],
  cells(es, now) {
    const ports = (es.ports ?? []).map((p) => (p.port != null ? String(p.port) : p.name != null ? p.name : '*'));
    const addresses = (es.endpoints ?? []).flatMap((e) => e.addresses ?? []);
    return [name(es), es.addressType ?? '', withMore(ports), withMore(addresses), age(es, now)];
  },
};

/** listWithMoreString: up to three items, then `+ N more...`; `<unset>` when empty. */
function withMore(items: readonly string[]): string {
  if (items.length > 3) return `${items.slice(0, 3).join(',')} + ${items.length - 3} more...`;
  return items.join(',') || '<unset>';
}

/** Kinds without a printer of their own: NAME and AGE. */
export const defaultPrinter: Printer<{ metadata?: { name?: string; creationTimestamp?: string } }> = {
  columns: [NAME_COLUMN, AGE_COLUMN],
  cells: (o, now) => [name(o), age(o, now)],
};
