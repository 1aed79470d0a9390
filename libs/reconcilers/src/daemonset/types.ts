import type { V1DaemonSet } from '@kubernetes/client-node';
import type { Wire } from '../common/wire';

export type DaemonSet = Wire<V1DaemonSet>;
