import { apiVersionOf, kindInfo } from '@wake/events';
import { podPrinter } from './print-pod';
import {
  configMapPrinter, endpointsPrinter, namespacePrinter, nodePrinter, pvcPrinter, secretPrinter, serviceAccountPrinter,
  servicePrinter,
} from './print-core';
import { horizontalPodAutoscalerPrinter } from './print-autoscaling';
import { defaultPrinter, endpointSlicePrinter, eventPrinter, leasePrinter, podDisruptionBudgetPrinter } from './print-misc';
import {
  controllerRevisionPrinter, cronJobPrinter, daemonSetPrinter, deploymentPrinter, jobPrinter, replicaSetPrinter,
  statefulSetPrinter,
} from './print-workloads';
import type { Printer, Table, TableRow } from './table-types';

const printers: Record<string, Printer> = {
  Pod: podPrinter, Deployment: deploymentPrinter, ReplicaSet: replicaSetPrinter, DaemonSet: daemonSetPrinter,
  StatefulSet: statefulSetPrinter, Job: jobPrinter, CronJob: cronJobPrinter, ControllerRevision: controllerRevisionPrinter,
  Service: servicePrinter, Endpoints: endpointsPrinter, Node: nodePrinter, Namespace: namespacePrinter,
  ConfigMap: configMapPrinter, Secret: secretPrinter, ServiceAccount: serviceAccountPrinter, PersistentVolumeClaim: pvcPrinter,
  Event: eventPrinter, Lease: leasePrinter, EndpointSlice: endpointSlicePrinter, PodDisruptionBudget: podDisruptionBudgetPrinter,
  HorizontalPodAutoscaler: horizontalPodAutoscalerPrinter,
};

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface ToTableOptions {
  /** The time ages are measured from. */
  readonly now: Date;
  /** What each row carries in `object` (the `includeObject` query parameter); default Metadata. */
  readonly includeObject?: IncludeObject;
  /** The list's resourceVersion / continue token, copied to the Table's metadata. */
  readonly listMeta?: Table['metadata'];
}

/** The printer for a kind: its own, or NAME AGE for kinds without one. */
export function printerFor(kind: string): Printer {
  return printers[kind] ?? defaultPrinter;
}

/**
 * A `meta.k8s.io/v1` Table as the apiserver answers `Accept: …;as=Table`: every column (the
 * `-o wide` ones with priority 1, as the server always generates them) and one row per object.
 * Rows carry a PartialObjectMetadata (Metadata), the object itself (Object) or nothing (None).
 */
export function toTable(objects: readonly unknown[], kind: string, options: ToTableOptions): Table {
  const printer = printerFor(kind);
  const include = options.includeObject ?? 'Metadata';
  const rows = objects.map((o): TableRow => {
    const conditions = printer.conditions?.(o);
    const row: { cells: unknown[]; conditions?: typeof conditions; object?: unknown } = { cells: printer.cells(o, options.now) };
    if (conditions) row.conditions = conditions;
    if (include === 'Metadata') {
      row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: (o as { metadata?: unknown }).metadata ?? {} };
    } else if (include === 'Object') {
      row.object = withTypeMeta(o, kind);
    }
    return row;
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { ...options.listMeta },
    columnDefinitions: printer.columns.map((c) => ({ ...c })),
    rows,
  };
}

function withTypeMeta(o: unknown, kind: string): unknown {
  const info = kindInfo(kind);
  const obj = o as Record<string, unknown>;
  if (!info || (obj.kind && obj.apiVersion)) return o;
  return { apiVersion: apiVersionOf(info), kind, ...obj };
}
