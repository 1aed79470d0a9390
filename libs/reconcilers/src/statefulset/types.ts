import type { V1PersistentVolumeClaim, V1StatefulSet } from '@kubernetes/client-node';
import type { Wire } from '../common/wire';

export type StatefulSet = Wire<V1StatefulSet>;
export type PersistentVolumeClaim = Wire<V1PersistentVolumeClaim>;
