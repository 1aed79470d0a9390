import type {
  V1ControllerRevision, V1CronJob, V1DaemonSet, V1Deployment, V1Job, V1ReplicaSet, V1StatefulSet,
} from '@kubernetes/client-node';
import { formatLabels, formatLabelSelector, labelSelectorFromObject, selectorToString } from '../selectors';
import { humanDuration, timestampSince, toMillis } from './human-duration';
import {
  AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, type Printer, type Wire, col, containerCells, wide,
} from './table-types';

const SELECTOR = (what: string) => wide('Selector', 'string', `Label query over ${what}.`);
const age = (o: { metadata?: { creationTimestamp?: string } }, now: Date) => timestampSince(o.metadata?.creationTimestamp, now);

export const deploymentPrinter: Printer<Wire<V1Deployment>> = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 'Number of the pod with ready state'),
    col('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    col('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, SELECTOR('pods'),
  ],
  cells(d, now) {
    let selector: string;
    try {
      selector = selectorToString(labelSelectorFromObject(d.spec?.selector));
    } catch {
      selector = '<invalid>';
    }
    const s = d.status ?? {};
    return [d.metadata?.name ?? '', `${s.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`, s.updatedReplicas ?? 0,
      s.availableReplicas ?? 0, age(d, now), ...containerCells(d.spec?.template?.spec?.containers), selector];
  },
};

export const replicaSetPrinter: Printer<Wire<V1ReplicaSet>> = {
  columns: [
    NAME_COLUMN,
    col('Desired', 'integer', 'Replicas is the number of desired pods.'),
    col('Current', 'integer', 'Replicas is the most recently observed number of non-terminating pods.'),
    col('Ready', 'integer', 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.'),
    AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, SELECTOR('pods'),
  ],
  cells: (rs, now) => [rs.metadata?.name ?? '', rs.spec?.replicas ?? 1, rs.status?.replicas ?? 0, rs.status?.readyReplicas ?? 0,
    age(rs, now), ...containerCells(rs.spec?.template?.spec?.containers), formatLabelSelector(rs.spec?.selector)],
};

export const daemonSetPrinter: Printer<Wire<V1DaemonSet>> = {
  columns: [
    NAME_COLUMN,
    col('Desired', 'integer', 'The total number of nodes that should be running the daemon pod.'),
    col('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.'),
    col('Ready', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
    col('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
    col('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.'),
    col('Node Selector', 'string', 'NodeSelector is a selector which must be true for the pod to fit on a node.'),
    AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, SELECTOR('pods'),
  ],
  cells(ds, now) {
    const s = ds.status;
    return [ds.metadata?.name ?? '', s?.desiredNumberScheduled ?? 0, s?.currentNumberScheduled ?? 0, s?.numberReady ?? 0,
      s?.updatedNumberScheduled ?? 0, s?.numberAvailable ?? 0, formatLabels(ds.spec?.template?.spec?.nodeSelector), age(ds, now),
      ...containerCells(ds.spec?.template?.spec?.containers), formatLabelSelector(ds.spec?.selector)];
  },
};

export const statefulSetPrinter: Printer<Wire<V1StatefulSet>> = {
  columns: [NAME_COLUMN, col('Ready', 'string', 'Number of the pod with ready state'), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN],
  cells: (ss, now) => [ss.metadata?.name ?? '', `${ss.status?.readyReplicas ?? 0}/${ss.spec?.replicas ?? 1}`, age(ss, now),
    ...containerCells(ss.spec?.template?.spec?.containers)],
};

export const jobPrinter: Printer<Wire<V1Job>> = {
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'Status of the job.'),
    col('Completions', 'string', 'The number of pods which reached phase Succeeded.'),
    col('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, SELECTOR('pods'),
  ],
  cells(job, now) {
    const succeeded = job.status?.succeeded ?? 0;
    const parallelism = job.spec?.parallelism ?? 0;
    const completions = job.spec?.completions != null ? `${succeeded}/${job.spec.completions}`
      : parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    const start = toMillis(job.status?.startTime);
    const end = toMillis(job.status?.completionTime);
    const duration = start === undefined ? '' : humanDuration((end ?? now.getTime()) - start);
    const has = (type: string) => (job.status?.conditions ?? []).find((c) => c.type === type)?.status === 'True';
    const status = has('Complete') ? 'Complete' : has('Failed') ? 'Failed' : job.metadata?.deletionTimestamp ? 'Terminating'
      : has('Suspended') ? 'Suspended' : has('FailureTarget') ? 'FailureTarget' : 'Running';
    return [job.metadata?.name ?? '', status, completions, duration, age(job, now),
      ...containerCells(job.spec?.template?.spec?.containers), formatLabelSelector(job.spec?.selector)];
  },
};

export const cronJobPrinter: Printer<Wire<V1CronJob>> = {
  columns: [
    NAME_COLUMN,
    col('Schedule', 'string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    col('Timezone', 'string', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.'),
    col('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.'),
    col('Active', 'integer', 'A list of pointers to currently running jobs.'),
    col('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
    AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, SELECTOR('pods'),
  ],
  cells(cj, now) {
    const suspend = cj.spec?.suspend;
    const last = cj.status?.lastScheduleTime ? timestampSince(cj.status.lastScheduleTime, now) : '<none>';
    const jobSpec = cj.spec?.jobTemplate?.spec;
    return [cj.metadata?.name ?? '', cj.spec?.schedule ?? '', cj.spec?.timeZone ?? '<none>',
      suspend === undefined || suspend === null ? '<unset>' : suspend ? 'True' : 'False', cj.status?.active?.length ?? 0, last,
      age(cj, now), ...containerCells(jobSpec?.template?.spec?.containers), formatLabelSelector(jobSpec?.selector)];
  },
};

export const controllerRevisionPrinter: Printer<Wire<V1ControllerRevision>> = {
  columns: [
    NAME_COLUMN,
    col('Controller', 'string', 'Controller of the object'),
    col('Revision', 'string', 'Revision indicates the revision of the state represented by Data.'),
    AGE_COLUMN,
  ],
  cells(cr, now) {
    const ref = (cr.metadata?.ownerReferences ?? []).find((r) => r.controller);
    let controller = '<none>';
    if (ref) {
      const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
      const groupKind = ref.kind ? (group ? `${ref.kind}.${group}` : ref.kind) : '';
      controller = groupKind ? `${groupKind.toLowerCase()}/${ref.name}` : ref.name;
    }
    return [cr.metadata?.name ?? '', controller, cr.revision ?? 0, age(cr, now)];
  },
};
