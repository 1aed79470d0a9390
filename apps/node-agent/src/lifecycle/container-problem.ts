/**
 * Why a container could not be started, remembered by the agent between reconciles (Docker
 * cannot show it: there is no container). Image pulls back off like crashes do.
 */
export interface ContainerProblem {
  readonly reason: 'ErrImagePull' | 'ErrImageNeverPull' | 'CreateContainerConfigError' | 'CreateContainerError' | 'RunContainerError';
  readonly message: string;
  /** When the last attempt failed. */
  readonly at: string;
  /** Consecutive failed attempts. */
  readonly attempts: number;
}

/** Problems of a pod, by container name. */
export type PodProblems = Readonly<Record<string, ContainerProblem>>;
