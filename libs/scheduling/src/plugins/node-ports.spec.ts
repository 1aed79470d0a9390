import type { V1ContainerPort } from '@kubernetes/client-node';
import { makeNode, makePod } from '../fixtures';
import { runFilter, snapshotOf } from '../test-helpers';
import { ERR_NODE_PORTS, NodePorts } from './node-ports';

describe('NodePorts', () => {
  it.each<[string, V1ContainerPort[], V1ContainerPort[], boolean]>([
    ['no host ports', [{ containerPort: 80 }], [{ containerPort: 80 }], true],
    ['different ports', [{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 80, hostPort: 8081 }], true],
    ['same port', [{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 80, hostPort: 8080 }], false],
    ['same port, other protocol', [{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 80, hostPort: 8080, protocol: 'UDP' }], true],
    ['same port, different specific IPs', [{ containerPort: 80, hostPort: 8080, hostIP: '127.0.0.2' }], [{ containerPort: 80, hostPort: 8080, hostIP: '127.0.0.3' }], true],
    ['wildcard existing vs specific', [{ containerPort: 80, hostPort: 8080 }], [{ containerPort: 80, hostPort: 8080, hostIP: '127.0.0.3' }], false],
    ['specific existing vs wildcard', [{ containerPort: 80, hostPort: 8080, hostIP: '127.0.0.2' }], [{ containerPort: 80, hostPort: 8080 }], false],
  ])('%s', (_, existing, wanted, fits) => {
    const s = snapshotOf([makeNode('n1')], [makePod('old', { nodeName: 'n1', ports: existing })]);
    const status = runFilter(NodePorts, makePod('new', { ports: wanted }), s, 'n1');
    expect(status).toEqual(fits ? { code: 'Success', reasons: [] } : { code: 'Unschedulable', reasons: [ERR_NODE_PORTS] });
  });
});
