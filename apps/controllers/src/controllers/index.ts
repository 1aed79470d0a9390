import type { ControllerDefinition } from '../runner/controller';
import { deploymentController } from './deployment.controller';
import { garbageCollector } from './garbage-collector.controller';
import { namespaceController } from './namespace.controller';
import { nodeLifecycleController } from './node-lifecycle.controller';
import { replicaSetController } from './replicaset.controller';

/** Every controller the service runs. Adding one: a `*.controller.ts` file and a line here. */
export const CONTROLLERS: readonly ControllerDefinition[] = [
  replicaSetController,
  deploymentController,
  garbageCollector,
  namespaceController,
  nodeLifecycleController,
];

export { deploymentController, garbageCollector, namespaceController, nodeLifecycleController, replicaSetController };
