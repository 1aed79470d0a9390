import { validateObject } from './validate-object';
import { fixture } from './test-fixtures';

type Obj = Record<string, any>;
const create = (o: Obj) => validateObject(o, { operation: 'create' });
const pod = (edit: (s: Obj) => void) => fixture('Pod', (o) => edit(o.spec));
const c0 = 'spec.containers[0]';

describe('Pod validation', () => {
  it('accepts a valid pod', () => {
    expect(create(fixture('Pod'))).toEqual([]);
  });

  it.each<[string, (s: Obj) => void, Obj[]]>([
    ['no containers', (s) => { s.containers = []; }, [{ field: 'spec.containers', reason: 'FieldValueRequired', message: 'Required value' }]],
    ['no image', (s) => { delete s.containers[0].image; }, [{ field: `${c0}.image`, reason: 'FieldValueRequired', message: 'Required value' }]],
    ['no container name', (s) => { delete s.containers[0].name; }, [{ field: `${c0}.name`, reason: 'FieldValueRequired', message: 'Required value' }]],
    ['container name not a DNS label', (s) => { s.containers[0].name = 'Web_1'; }, [{
      field: `${c0}.name`, reason: 'FieldValueInvalid',
      message: `Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    }]],
    ['duplicate container names', (s) => { s.containers.push({ name: 'web', image: 'busybox' }); }, [
      { field: 'spec.containers[1].name', reason: 'FieldValueDuplicate', message: 'Duplicate value: "web"' },
    ]],
    ['init container sharing a name', (s) => { s.initContainers = [{ name: 'web', image: 'busybox' }]; }, [
      { field: `${c0}.name`, reason: 'FieldValueDuplicate', message: 'Duplicate value: "web"' },
    ]],
    ['port 0', (s) => { s.containers[0].ports = [{ containerPort: 0 }]; }, [{ field: `${c0}.ports[0].containerPort`, reason: 'FieldValueRequired', message: 'Required value' }]],
    ['port too big', (s) => { s.containers[0].ports = [{ containerPort: 70000 }]; }, [
      { field: `${c0}.ports[0].containerPort`, reason: 'FieldValueInvalid', message: 'Invalid value: 70000: must be between 1 and 65535, inclusive' },
    ]],
    ['bad protocol', (s) => { s.containers[0].ports[0].protocol = 'HTTP'; }, [
      { field: `${c0}.ports[0].protocol`, reason: 'FieldValueNotSupported', message: 'Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"' },
    ]],
    ['duplicate port names', (s) => { s.containers[0].ports = [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }]; }, [
      { field: `${c0}.ports[1].name`, reason: 'FieldValueDuplicate', message: 'Duplicate value: "http"' },
    ]],
    ['same host port twice', (s) => {
      s.containers[0].ports = [{ containerPort: 80, hostPort: 8080 }];
      s.containers.push({ name: 'side', image: 'busybox', ports: [{ containerPort: 81, hostPort: 8080 }] });
    }, [{ field: 'spec.containers[1].ports[0].hostPort', reason: 'FieldValueDuplicate', message: 'Duplicate value: "8080/TCP"' }]],
    ['bad restartPolicy', (s) => { s.restartPolicy = 'Sometimes'; }, [
      { field: 'spec.restartPolicy', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"' },
    ]],
    ['bad imagePullPolicy', (s) => { s.containers[0].imagePullPolicy = 'Maybe'; }, [
      { field: `${c0}.imagePullPolicy`, reason: 'FieldValueNotSupported', message: 'Unsupported value: "Maybe": supported values: "Always", "IfNotPresent", "Never"' },
    ]],
    ['bad dnsPolicy', (s) => { s.dnsPolicy = 'Google'; }, [
      { field: 'spec.dnsPolicy', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"' },
    ]],
    ['bad nodeSelector key', (s) => { s.nodeSelector = { 'bad key': 'x' }; }, [
      { field: 'spec.nodeSelector', reason: 'FieldValueInvalid', message: expect.stringMatching(/^Invalid value: "bad key": name part must consist of/) },
    ]],
  ])('%s', (_name, edit, expected) => {
    expect(create(pod(edit))).toEqual(expected);
  });

  describe('resources', () => {
    it.each<[string, Obj, Obj[]]>([
      ['valid', { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: 268435456 } }, []],
      ['requests above limits', { limits: { cpu: '1' }, requests: { cpu: '2' } }, [
        { field: `${c0}.resources.requests[cpu]`, reason: 'FieldValueInvalid', message: 'Invalid value: "2": must be less than or equal to cpu limit of 1' },
      ]],
      ['unparseable quantity', { limits: { memory: '1GB' } }, [{
        field: `${c0}.resources.limits[memory]`, reason: 'FieldValueInvalid',
        message: `Invalid value: "1GB": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      }]],
      ['negative', { requests: { cpu: '-1' } }, [
        { field: `${c0}.resources.requests[cpu]`, reason: 'FieldValueInvalid', message: 'Invalid value: "-1": must be greater than or equal to 0' },
      ]],
      ['unknown standard resource', { limits: { gpu: '1' } }, [
        { field: `${c0}.resources.limits[gpu]`, reason: 'FieldValueInvalid', message: 'Invalid value: "gpu": must be a standard resource for containers' },
      ]],
      ['fractional extended resource', { limits: { 'nvidia.com/gpu': '0.5' } }, [
        { field: `${c0}.resources.limits[nvidia.com/gpu]`, reason: 'FieldValueInvalid', message: 'Invalid value: "0.5": must be an integer' },
      ]],
    ])('%s', (_name, resources, expected) => {
      expect(create(pod((s) => { s.containers[0].resources = resources; }))).toEqual(expected);
    });
  });

  describe('probes', () => {
    it.each<[string, Obj, Obj[]]>([
      ['httpGet', { httpGet: { path: '/', port: 80 } }, []],
      ['named port', { tcpSocket: { port: 'http' } }, []],
      ['no handler', { periodSeconds: 5 }, [{ field: `${c0}.livenessProbe`, reason: 'FieldValueRequired', message: 'Required value: must specify a handler type' }]],
      ['two handlers', { exec: { command: ['true'] }, tcpSocket: { port: 80 } }, [
        { field: `${c0}.livenessProbe.tcpSocket`, reason: 'FieldValueForbidden', message: 'Forbidden: may not specify more than 1 handler type' },
      ]],
      ['empty exec', { exec: { command: [] } }, [{ field: `${c0}.livenessProbe.exec.command`, reason: 'FieldValueRequired', message: 'Required value' }]],
      ['bad port', { httpGet: { port: 0 } }, [{ field: `${c0}.livenessProbe.httpGet.port`, reason: 'FieldValueInvalid', message: 'Invalid value: 0: must be between 1 and 65535, inclusive' }]],
      ['negative period', { tcpSocket: { port: 80 }, periodSeconds: -1 }, [
        { field: `${c0}.livenessProbe.periodSeconds`, reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0' },
      ]],
      ['liveness successThreshold', { tcpSocket: { port: 80 }, successThreshold: 2 }, [
        { field: `${c0}.livenessProbe.successThreshold`, reason: 'FieldValueInvalid', message: 'Invalid value: 2: must be 1' },
      ]],
    ])('%s', (_name, probe, expected) => {
      expect(create(pod((s) => { s.containers[0].livenessProbe = probe; }))).toEqual(expected);
    });

    it('readiness probes may need several successes', () => {
      expect(create(pod((s) => { s.containers[0].readinessProbe = { tcpSocket: { port: 80 }, successThreshold: 3 }; }))).toEqual([]);
    });

    it('init containers may not have probes unless they are sidecars', () => {
      const probe = { tcpSocket: { port: 80 } };
      expect(create(pod((s) => { s.initContainers = [{ name: 'init', image: 'busybox', readinessProbe: probe }]; }))).toEqual([
        { field: 'spec.initContainers[0].readinessProbe', reason: 'FieldValueForbidden', message: 'Forbidden: may not be set for init containers without restartPolicy=Always' },
      ]);
      expect(create(pod((s) => { s.initContainers = [{ name: 'init', image: 'busybox', restartPolicy: 'Always', readinessProbe: probe }]; }))).toEqual([]);
    });
  });

  describe('env', () => {
    it.each<[string, Obj[], Obj[]]>([
      ['valid', [{ name: 'A', value: '1' }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }], []],
      ['no name', [{ value: '1' }], [{ field: `${c0}.env[0].name`, reason: 'FieldValueRequired', message: 'Required value' }]],
      ['name with =', [{ name: 'A=B' }], [{
        field: `${c0}.env[0].name`, reason: 'FieldValueInvalid',
        message: `Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      }]],
      ['value and valueFrom', [{ name: 'A', value: 'x', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }], [
        { field: `${c0}.env[0].valueFrom`, reason: 'FieldValueInvalid', message: 'Invalid value: "": may not be specified when `value` is not empty' },
      ]],
      ['two sources', [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' }, configMapKeyRef: { name: 'c', key: 'k' } } }], [
        { field: `${c0}.env[0].valueFrom`, reason: 'FieldValueInvalid', message: 'Invalid value: "": may not have more than one field specified at a time' },
      ]],
      ['missing key', [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'c' } } }], [
        { field: `${c0}.env[0].valueFrom.configMapKeyRef.key`, reason: 'FieldValueRequired', message: 'Required value' },
      ]],
    ])('%s', (_name, env, expected) => {
      expect(create(pod((s) => { s.containers[0].env = env; }))).toEqual(expected);
    });
  });

  describe('volumes and mounts', () => {
    it.each<[string, (s: Obj) => void, Obj[]]>([
      ['valid', (s) => {
        s.volumes = [{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'cfg' } }];
        s.containers[0].volumeMounts = [{ name: 'data', mountPath: '/data' }, { name: 'cfg', mountPath: '/etc/cfg' }];
      }, []],
      ['duplicate volume names', (s) => { s.volumes = [{ name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }]; }, [
        { field: 'spec.volumes[1].name', reason: 'FieldValueDuplicate', message: 'Duplicate value: "data"' },
      ]],
      ['no source', (s) => { s.volumes = [{ name: 'data' }]; }, [
        { field: 'spec.volumes[0]', reason: 'FieldValueRequired', message: 'Required value: must specify a volume type' },
      ]],
      ['two sources', (s) => { s.volumes = [{ name: 'data', emptyDir: {}, hostPath: { path: '/tmp' } }]; }, [
        { field: 'spec.volumes[0].hostPath', reason: 'FieldValueForbidden', message: 'Forbidden: may not specify more than 1 volume type' },
      ]],
      ['secret without name', (s) => { s.volumes = [{ name: 's', secret: {} }]; }, [
        { field: 'spec.volumes[0].secret.secretName', reason: 'FieldValueRequired', message: 'Required value' },
      ]],
      ['mount of a missing volume', (s) => { s.containers[0].volumeMounts = [{ name: 'data', mountPath: '/data' }]; }, [
        { field: `${c0}.volumeMounts[0].name`, reason: 'FieldValueInvalid', message: 'Not found: "data"' },
      ]],
      ['mount without path', (s) => { s.volumes = [{ name: 'data', emptyDir: {} }]; s.containers[0].volumeMounts = [{ name: 'data' }]; }, [
        { field: `${c0}.volumeMounts[0].mountPath`, reason: 'FieldValueRequired', message: 'Required value' },
      ]],
    ])('%s', (_name, edit, expected) => {
      expect(create(pod(edit))).toEqual(expected);
    });
  });

  describe('tolerations', () => {
    it.each<[string, Obj, Obj[]]>([
      ['equal', { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }, []],
      ['exists all', { operator: 'Exists' }, []],
      ['bad operator', { key: 'k', operator: 'Foo' }, [
        { field: 'spec.tolerations[0].operator', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Foo": supported values: "Equal", "Exists"' },
      ]],
      ['bad effect', { key: 'k', operator: 'Exists', effect: 'Bad' }, [
        { field: 'spec.tolerations[0].effect', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Bad": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"' },
      ]],
      ['exists with value', { key: 'k', operator: 'Exists', value: 'v' }, [
        { field: 'spec.tolerations[0].operator', reason: 'FieldValueInvalid', message: "Invalid value: \"v\": value must be empty when `operator` is 'Exists'" },
      ]],
      ['tolerationSeconds without NoExecute', { key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }, [
        { field: 'spec.tolerations[0].effect', reason: 'FieldValueInvalid', message: "Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set" },
      ]],
    ])('%s', (_name, toleration, expected) => {
      expect(create(pod((s) => { s.tolerations = [toleration]; }))).toEqual(expected);
    });
  });

  describe('update', () => {
    const old = fixture('Pod');
    it('allows image changes and binding', () => {
      const next = fixture('Pod', (o) => { o.spec.containers[0].image = 'nginx:1.28'; o.spec.nodeName = 'node-1'; });
      expect(validateObject(next, { operation: 'update', old })).toEqual([]);
    });
    it('forbids other spec changes', () => {
      const next = fixture('Pod', (o) => { o.spec.containers[0].ports[0].containerPort = 81; });
      expect(validateObject(next, { operation: 'update', old })).toEqual([
        { field: 'spec', reason: 'FieldValueForbidden', message: expect.stringMatching(/^Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/) },
      ]);
    });
    it('keeps metadata.name immutable', () => {
      const next = fixture('Pod', (o) => { o.metadata.name = 'other'; });
      expect(validateObject(next, { operation: 'update', old })).toEqual([
        { field: 'metadata.name', reason: 'FieldValueInvalid', message: 'Invalid value: "other": field is immutable' },
      ]);
    });
  });
});
