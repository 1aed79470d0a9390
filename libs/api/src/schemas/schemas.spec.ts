import { openApiV3Document, openApiV3GroupVersions } from './openapi-document';
import { typeProblems, unknownFields } from './schema-walk';
import { definitionName } from './definition-names';
import { FIXTURES, fixture } from '../validation/test-fixtures';
import { applyDefaults } from '../defaulting/apply-defaults';

type Obj = Record<string, any>;

describe('definitionName', () => {
  it.each([
    ['V1Pod', 'io.k8s.api.core.v1.Pod'], ['V1PodSpec', 'io.k8s.api.core.v1.PodSpec'], ['V1Deployment', 'io.k8s.api.apps.v1.Deployment'],
    ['V1RollingUpdateDeployment', 'io.k8s.api.apps.v1.RollingUpdateDeployment'], ['V1JobTemplateSpec', 'io.k8s.api.batch.v1.JobTemplateSpec'],
    ['V1ObjectMeta', 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'], ['V1LabelSelector', 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector'],
    ['CoreV1Event', 'io.k8s.api.core.v1.Event'], ['DiscoveryV1EndpointPort', 'io.k8s.api.discovery.v1.EndpointPort'],
    ['V1EndpointSlice', 'io.k8s.api.discovery.v1.EndpointSlice'], ['V1EndpointAddress', 'io.k8s.api.core.v1.EndpointAddress'],
    ['V1Lease', 'io.k8s.api.coordination.v1.Lease'],
  ])('%s -> %s', (cls, name) => {
    expect(definitionName(cls)).toBe(name);
  });
});

describe('openApiV3Document', () => {
  it('lists the group-versions Wake serves', () => {
    expect(openApiV3GroupVersions()).toEqual(expect.arrayContaining([
      { groupVersion: 'v1', path: 'api/v1' }, { groupVersion: 'apps/v1', path: 'apis/apps/v1' },
      { groupVersion: 'batch/v1', path: 'apis/batch/v1' }, { groupVersion: 'discovery.k8s.io/v1', path: 'apis/discovery.k8s.io/v1' },
    ]));
  });

  it('is undefined for a group-version Wake does not serve', () => {
    expect(openApiV3Document('storage.k8s.io/v1')).toBeUndefined();
  });

  it('serves policy/v1 with the PodDisruptionBudget: int-or-string budgets, conditions merged by type', () => {
    const schemas = openApiV3Document('policy/v1')!.components.schemas as Record<string, Obj>;
    expect(schemas['io.k8s.api.policy.v1.PodDisruptionBudget']['x-kubernetes-group-version-kind']).toEqual([{ group: 'policy', kind: 'PodDisruptionBudget', version: 'v1' }]);
    const spec = schemas['io.k8s.api.policy.v1.PodDisruptionBudgetSpec'].properties;
    expect(JSON.stringify(spec.minAvailable)).toContain('io.k8s.apimachinery.pkg.util.intstr.IntOrString');
    expect(JSON.stringify(spec.maxUnavailable)).toContain('io.k8s.apimachinery.pkg.util.intstr.IntOrString');
    expect(JSON.stringify(spec.selector)).toContain('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector');
    expect(schemas['io.k8s.api.policy.v1.PodDisruptionBudgetStatus'].properties.conditions).toMatchObject({ 'x-kubernetes-patch-merge-key': 'type', 'x-kubernetes-list-type': 'map' });
  });

  it('serves autoscaling/v2 with the HorizontalPodAutoscaler: quantity targets, atomic metrics, conditions merged by type', () => {
    const schemas = openApiV3Document('autoscaling/v2')!.components.schemas as Record<string, Obj>;
    expect(schemas['io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler']['x-kubernetes-group-version-kind']).toEqual([{ group: 'autoscaling', kind: 'HorizontalPodAutoscaler', version: 'v2' }]);
    expect(JSON.stringify(schemas['io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec'].properties.scaleTargetRef)).toContain('io.k8s.api.autoscaling.v2.CrossVersionObjectReference');
    expect(schemas['io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec'].properties.metrics).toMatchObject({ 'x-kubernetes-list-type': 'atomic' });
    expect(JSON.stringify(schemas['io.k8s.api.autoscaling.v2.MetricTarget'].properties.averageValue)).toContain('io.k8s.apimachinery.pkg.api.resource.Quantity');
    expect(schemas['io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus'].properties.conditions).toMatchObject({ 'x-kubernetes-patch-merge-key': 'type', 'x-kubernetes-list-type': 'map' });
    expect(openApiV3Document('autoscaling/v1')).toBeUndefined();
  });

  it('has the kinds with their group-version-kind and every referenced schema', () => {
    const doc = openApiV3Document('apps/v1')!;
    const schemas = doc.components.schemas as Record<string, Obj>;
    expect(doc.openapi).toBe('3.0.0');
    expect(schemas['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    expect(schemas['io.k8s.api.apps.v1.DeploymentList']['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'DeploymentList', version: 'v1' }]);
    const refs = JSON.stringify(schemas).match(/#\/components\/schemas\/[^"]+/g) ?? [];
    for (const r of refs) expect(schemas[r.slice('#/components/schemas/'.length)]).toBeDefined();
    expect(schemas['io.k8s.api.core.v1.Pod']).toBeUndefined();
    expect(schemas['io.k8s.api.core.v1.PodSpec']).toBeDefined();
  });

  it('keeps descriptions, required fields, types and patch extensions', () => {
    const schemas = openApiV3Document('v1')!.components.schemas as Record<string, Obj>;
    const port = schemas['io.k8s.api.core.v1.ContainerPort'];
    expect(port.required).toEqual(['containerPort']);
    expect(port.properties.containerPort).toMatchObject({ type: 'integer', format: 'int32', description: expect.stringContaining('Number of port') });
    const containers = schemas['io.k8s.api.core.v1.PodSpec'].properties.containers;
    expect(containers).toMatchObject({
      type: 'array', items: { $ref: '#/components/schemas/io.k8s.api.core.v1.Container' },
      'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'map',
    });
    expect(schemas['io.k8s.api.core.v1.Container'].properties.env['x-kubernetes-patch-merge-key']).toBe('name');
    expect(schemas['io.k8s.api.core.v1.ResourceRequirements'].properties.limits.additionalProperties).toEqual({
      $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity',
    });
    expect(schemas['io.k8s.api.core.v1.Pod']['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    expect(schemas['io.k8s.api.core.v1.Event']['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Event', version: 'v1' }]);
  });
});

describe('unknownFields', () => {
  it.each(Object.keys(FIXTURES))('finds none in a defaulted %s', (kind) => {
    expect(unknownFields(applyDefaults(fixture(kind)))).toEqual([]);
  });

  it('reports paths like the apiserver', () => {
    const d = fixture('Deployment', (o) => {
      o.spec.foo = 1;
      o.metadata.bar = 'x';
      o.spec.template.spec.containers[0].imagePolicy = 'x';
      o.spec.template.spec.containers[0].resources = { limits: { cpu: 1 } };
      o.spec.template.metadata.labels.anything = 'ok';
    });
    expect(unknownFields(d)).toEqual(['metadata.bar', 'spec.foo', 'spec.template.spec.containers[0].imagePolicy']);
  });

  it('ignores kinds it does not know', () => {
    expect(unknownFields({ kind: 'Widget', foo: 1 })).toEqual([]);
  });
});

describe('typeProblems', () => {
  it.each(Object.keys(FIXTURES))('finds none in a defaulted %s', (kind) => {
    expect(typeProblems(applyDefaults(fixture(kind)))).toEqual([]);
  });

  it('accepts quantities as numbers, int-or-string either way, and null', () => {
    const d = fixture('Deployment', (o) => {
      o.spec.strategy = { rollingUpdate: { maxSurge: 1, maxUnavailable: '10%' } };
      o.spec.template.spec.containers[0].resources = { limits: { cpu: 0.5, memory: '1Gi' } };
      o.spec.paused = null;
    });
    expect(typeProblems(d)).toEqual([]);
  });

  it.each<[string, (o: Obj) => void, Obj[]]>([
    ['replicas as a string', (o) => { o.spec.replicas = '3'; }, [{
      field: 'spec.replicas', reason: 'FieldValueTypeInvalid', message: 'Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    }]],
    ['containers as an object', (o) => { o.spec.template.spec.containers = { name: 'x' }; }, [{
      field: 'spec.template.spec.containers', reason: 'FieldValueTypeInvalid',
      message: 'Invalid value: "object": spec.template.spec.containers in body must be of type array: "object"',
    }]],
    ['label value as a number', (o) => { o.metadata.labels = { tier: 1 }; }, [{
      field: 'metadata.labels[tier]', reason: 'FieldValueTypeInvalid', message: 'Invalid value: "integer": metadata.labels[tier] in body must be of type string: "integer"',
    }]],
    ['a fractional port', (o) => { o.spec.template.spec.containers[0].ports[0].containerPort = 80.5; }, [{
      field: 'spec.template.spec.containers[0].ports[0].containerPort', reason: 'FieldValueTypeInvalid',
      message: 'Invalid value: "number": spec.template.spec.containers[0].ports[0].containerPort in body must be of type integer: "number"',
    }]],
    ['maxSurge as a boolean', (o) => { o.spec.strategy = { rollingUpdate: { maxSurge: true } }; }, [{
      field: 'spec.strategy.rollingUpdate.maxSurge', reason: 'FieldValueTypeInvalid',
      message: 'Invalid value: "boolean": spec.strategy.rollingUpdate.maxSurge in body must be of type integer or string: "boolean"',
    }]],
  ])('%s', (_name, edit, expected) => {
    expect(typeProblems(fixture('Deployment', edit))).toEqual(expected);
  });
});
