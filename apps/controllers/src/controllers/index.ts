import type { ControllerDefinition } from '../runner/controller';
import { deploymentController } from './deployment.controller';
import { garbageCollector } from './garbage-collector.controller';
import { namespaceController } from './namespace.controller';
import { nodeLifecycleController } from './node-lifecycle.controller';
import { replicaSetController } from './replicaset.controller';
import { jobController } from './job.controller';
import { cronJobController } from './cronjob.controller';
import { daemonSetController } from './daemonset.controller';
import { statefulSetController } from './statefulset.controller';
import { endpointsController } from './endpoints.controller';
import { allocationRepairController } from './allocation-repair.controller';
import { disruptionController } from './disruption.controller';
import { horizontalPodAutoscalerController } from './horizontal-pod-autoscaler.controller';

/** Every controller the service runs. Adding one: a `*.controller.ts` file and a line here. */
export const CONTROLLERS: readonly ControllerDefinition[] = [
  replicaSetController,
  deploymentController,
  garbageCollector,
  namespaceController,
  nodeLifecycleController,
  jobController,
  cronJobController,
  daemonSetController,
  statefulSetController,
  endpointsController,
  allocationRepairController,
  disruptionController,
  horizontalPodAutoscalerController,
];

export { disruptionController, horizontalPodAutoscalerController, endpointsController, allocationRepairController, deploymentController, garbageCollector, namespaceController, nodeLifecycleController, replicaSetController };
