import type { V1Condition, V1PodDisruptionBudget } from '@kubernetes/client-node';
import type { Wire } from '../common/wire';

export type PodDisruptionBudget = Wire<V1PodDisruptionBudget>;
export type PodDisruptionBudgetStatus = NonNullable<PodDisruptionBudget['status']>;
export type Condition = Wire<V1Condition>;
