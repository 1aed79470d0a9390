import { FilterPlugin, Status, SUCCESS } from '../framework';

export const ERR_TOO_MANY_PODS = 'Too many pods';

/**
 * NodeResourcesFit (filter): pod count, then each requested resource against allocatable minus
 * what bound pods (running or not) already request. A request larger than the node's whole
 * allocatable can never fit there, so that is unresolvable.
 */
export const NodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter: (pod, node) => {
    const alloc = node.allocatable;
    const used = node.requested;
    const req = pod.requests;
    let reasons: string[] | undefined;
    let unresolvable = false;
    const insufficient = (reason: string, request: number, allocatable: number) => {
      (reasons ??= []).push(reason);
      if (request > allocatable) unresolvable = true;
    };
    if (node.podCount + 1 > alloc.pods) insufficient(ERR_TOO_MANY_PODS, 1, alloc.pods);
    if (pod.requestsAnything) {
      if (req.milliCpu > 0 && req.milliCpu > alloc.milliCpu - used.milliCpu) insufficient('Insufficient cpu', req.milliCpu, alloc.milliCpu);
      if (req.memory > 0 && req.memory > alloc.memory - used.memory) insufficient('Insufficient memory', req.memory, alloc.memory);
      if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage)
        insufficient('Insufficient ephemeral-storage', req.ephemeralStorage, alloc.ephemeralStorage);
      for (const [name, quantity] of req.scalar) {
        if (quantity <= 0) continue;
        const a = alloc.scalar.get(name) ?? 0;
        if (quantity > a - (used.scalar.get(name) ?? 0)) insufficient(`Insufficient ${name}`, quantity, a);
      }
    }
    if (!reasons) return SUCCESS;
    const status: Status = { code: unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons };
    return status;
  },
};
