import { type Action, event, mergeRequeues, refOf, requeueAfter, seqOf } from '../common/action';
import { claim } from '../common/claim';
import type { RandomSource } from '../common/names';
import { clone } from '../common/owner-refs';
import { isPodReady } from '../common/pod-state';
import { millis, rfc3339 } from '../common/time';
import type { Job, Pod } from '../common/wire';
import { canonicalJson } from '../deployment/pod-template-hash';
import { formatIndexes } from './completion-index';
import { countJobPods } from './job-counts';
import { type JobCondition, COMPLETE, ensureCondition, FAILED, FAILURE_TARGET, jobFinished, newCondition, SUCCESS_CRITERIA_MET, SUSPENDED, trueCondition } from './job-conditions';
import { isIndexed, isSuspended, jobSelector } from './job-labels';
import { jobPod } from './job-pod';
import { reconcileJobTtl } from './job-ttl';
import { pastBackoffLimitOnFailure, planPods } from './manage-job';
import { backoffRemaining } from './pod-backoff';

export interface JobObserved {
  /** Pods of the Job's namespace (at least those it owns or its selector matches). */
  pods: readonly Pod[];
}

export interface JobEnv {
  now: Date;
  random: RandomSource;
}

interface Finish { success: boolean; reason: string; message: string }

const POD = { apiVersion: 'v1', kind: 'Pod' };

/**
 * Job controller (`syncJob`, Kubernetes 1.32 with JobManagedBy/JobPodReplacementPolicy on):
 * a finished Job only waits for its TTL. Otherwise claim pods, count them, decide whether the
 * Job has failed (backoffLimit, activeDeadlineSeconds) or succeeded, delete or create pods,
 * and write status. Failure and success go through the interim FailureTarget /
 * SuccessCriteriaMet conditions; Failed / Complete follow once no pod is terminating.
 */
export function reconcileJob(job: Job, observed: JobObserved, env: JobEnv): Action[] {
  const { now } = env;
  if (jobFinished(job)) return reconcileJobTtl(job, now);
  if (job.metadata?.deletionTimestamp) return [];
  const ns = job.metadata?.namespace;
  const claimed = claim(job, jobSelector(job), observed.pods.filter((p) => p.metadata?.namespace === ns));
  const c = countJobPods(job, claimed.owned);
  const suspended = isSuspended(job);
  const actions: Action[] = [];
  const tail: Action[] = [];
  const removed = new Set<string>();
  let active = c.active.length;
  let terminating = c.terminating.length;
  let ready = c.ready;
  let conditions: JobCondition[] = job.status?.conditions ?? [];
  let startTime = job.status?.startTime;
  if (!startTime && !suspended) startTime = rfc3339(now);

  const remove = (pods: readonly Pod[]) => {
    for (const p of pods) {
      removed.add(p.metadata?.name ?? '');
      actions.push({ type: 'delete', key: refOf(p, POD), intent: 'Deleted' });
      actions.push(event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata?.name}`));
      active--;
      terminating++;
      if (isPodReady(p)) ready--;
    }
  };

  let finish = interimFinish(job);
  if (!finish) {
    const limit = job.spec?.backoffLimit ?? 6;
    const deadline = job.spec?.activeDeadlineSeconds;
    const started = millis(startTime);
    if (c.failed > limit || pastBackoffLimitOnFailure(job, claimed.owned)) {
      finish = { success: false, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    } else if (deadline !== undefined && deadline !== null && !suspended && started !== undefined) {
      const left = started + deadline * 1000 - now.getTime();
      if (left <= 0) finish = { success: false, reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
      else tail.push(requeueAfter(left / 1000));
    }
  }

  if (finish) {
    remove(c.active);
  } else if (suspended) {
    remove(c.active);
    const next = ensureCondition(conditions, SUSPENDED, 'True', 'JobSuspended', 'Job suspended', now);
    if (next !== conditions) actions.push(event(job, 'Normal', 'Suspended', 'Job suspended'));
    conditions = next;
  } else {
    const plan = planPods(job, c.active, c.terminating, c.succeeded, c.succeededIndexes);
    remove(plan.remove);
    const wait = plan.create.length ? backoffRemaining(c.succeededPods, c.failedPods, now) : 0;
    if (wait > 0) tail.push(requeueAfter(wait));
    else {
      const taken = new Set(observed.pods.map((p) => p.metadata?.name ?? ''));
      for (const ix of plan.create) {
        const pod = jobPod(job, ix, env.random, taken);
        actions.push({ type: 'create', object: pod, intent: 'Created' });
        actions.push(event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata?.name}`));
        active++;
      }
    }
    const completions = job.spec?.completions;
    const complete = active === 0 && (completions === undefined || completions === null ? c.succeeded > 0 : c.succeeded >= completions);
    if (complete) finish = { success: true, reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
    else {
      const next = ensureCondition(conditions, SUSPENDED, 'False', 'JobResumed', 'Job resumed', now);
      if (next !== conditions) {
        actions.push(event(job, 'Normal', 'Resumed', 'Job resumed'));
        startTime = rfc3339(now);
      }
      conditions = next;
    }
  }

  let completionTime = job.status?.completionTime;
  if (finish) {
    const interim = finish.success ? SUCCESS_CRITERIA_MET : FAILURE_TARGET;
    if (!trueCondition(job, interim)) conditions = [...conditions, newCondition(interim, 'True', finish.reason, finish.message, now)];
    if (terminating === 0) {
      conditions = ensureCondition(conditions, finish.success ? COMPLETE : FAILED, 'True', finish.reason, finish.message, now);
      if (finish.success) {
        completionTime = rfc3339(now);
        tail.push(event(job, 'Normal', 'Completed', 'Job completed'));
      } else tail.push(event(job, 'Warning', finish.reason, finish.message));
    }
  }

  const status: NonNullable<Job['status']> = {
    ...(job.status ?? {}),
    active, ready, terminating, succeeded: c.succeeded, failed: c.failed,
    uncountedTerminatedPods: job.status?.uncountedTerminatedPods ?? {},
    ...(startTime ? { startTime } : {}),
    ...(completionTime ? { completionTime } : {}),
    ...(conditions.length ? { conditions } : {}),
    ...(isIndexed(job) && (c.succeededIndexes.size || job.status?.completedIndexes !== undefined) ? { completedIndexes: formatIndexes(c.succeededIndexes) } : {}),
  };
  if (canonicalJson(status) !== canonicalJson(job.status ?? {})) {
    tail.unshift({ type: 'updateStatus', object: { ...clone(job), status }, expectSeq: seqOf(job), intent: finish && terminating === 0 ? (finish.success ? 'Completed' : 'Failed') : 'StatusUpdated' });
  }
  const claimActions = claimed.actions.filter((a) => !(a.type === 'update' && removed.has(a.object.metadata?.name ?? '')));
  return mergeRequeues([...claimActions, ...actions, ...tail]);
}

/** A Job that already recorded SuccessCriteriaMet or FailureTarget finishes the same way. */
function interimFinish(job: Job): Finish | undefined {
  const s = trueCondition(job, SUCCESS_CRITERIA_MET);
  if (s) return { success: true, reason: s.reason ?? '', message: s.message ?? '' };
  const f = trueCondition(job, FAILURE_TARGET);
  if (f) return { success: false, reason: f.reason ?? '', message: f.message ?? '' };
  return undefined;
}
