import { validateObject } from './validate-object';
import { fixture } from './test-fixtures';

type Obj = Record<string, any>;
const create = (o: Obj) => validateObject(o, { operation: 'create' });
const update = (o: Obj, old: Obj) => validateObject(o, { operation: 'update', old });

describe.each(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'])('%s (shared controller rules)', (kind) => {
  it('accepts the fixture', () => {
    expect(create(fixture(kind))).toEqual([]);
  });

  it.each<[string, (s: Obj) => void, Obj[]]>([
    ['missing selector', (s) => { delete s.selector; }, [{ field: 'spec.selector', reason: 'FieldValueRequired', message: 'Required value' }]],
    ['selector that does not match the template', (s) => { s.selector = { matchLabels: { app: 'api' } }; }, [{
      field: 'spec.template.metadata.labels', reason: 'FieldValueInvalid',
      message: 'Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    }]],
    ['template restartPolicy Never', (s) => { s.template.spec.restartPolicy = 'Never'; }, [
      { field: 'spec.template.spec.restartPolicy', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Never": supported values: "Always"' },
    ]],
    ['template without image', (s) => { delete s.template.spec.containers[0].image; }, [
      { field: 'spec.template.spec.containers[0].image', reason: 'FieldValueRequired', message: 'Required value' },
    ]],
    ['activeDeadlineSeconds in the template', (s) => { s.template.spec.activeDeadlineSeconds = 5; }, [
      { field: 'spec.template.spec.activeDeadlineSeconds', reason: 'FieldValueForbidden', message: 'Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported' },
    ]],
    ['bad selector operator', (s) => { s.selector.matchExpressions = [{ key: 'app', operator: 'Near' }]; }, [
      { field: 'spec.selector.matchExpressions[0].operator', reason: 'FieldValueInvalid', message: 'Invalid value: "Near": not a valid selector operator' },
    ]],
  ])('%s', (_name, edit, expected) => {
    expect(create(fixture(kind, (o) => edit(o.spec)))).toEqual(expected);
  });

  it('matches selectors with expressions', () => {
    const o = fixture(kind, (x) => { x.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] }; });
    expect(create(o)).toEqual([]);
  });
});

describe('Deployment', () => {
  const deploy = (edit: (s: Obj) => void) => fixture('Deployment', (o) => edit(o.spec));
  it.each<[string, (s: Obj) => void, Obj[]]>([
    ['negative replicas', (s) => { s.replicas = -1; }, [{ field: 'spec.replicas', reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0' }]],
    ['empty selector', (s) => { s.selector = {}; }, [{ field: 'spec.selector', reason: 'FieldValueInvalid', message: 'Invalid value: {}: empty selector is invalid for deployment' }]],
    ['bad strategy', (s) => { s.strategy = { type: 'BlueGreen' }; }, [
      { field: 'spec.strategy.type', reason: 'FieldValueNotSupported', message: 'Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"' },
    ]],
    ['maxSurge and maxUnavailable both 0', (s) => { s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } }; }, [
      { field: 'spec.strategy.rollingUpdate.maxUnavailable', reason: 'FieldValueInvalid', message: 'Invalid value: "0%": may not be 0 when `maxSurge` is 0' },
    ]],
    ['bad percent', (s) => { s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'abc', maxUnavailable: 1 } }; }, [{
      field: 'spec.strategy.rollingUpdate.maxSurge', reason: 'FieldValueInvalid',
      message: `Invalid value: "abc": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    }]],
    ['maxUnavailable above 100%', (s) => { s.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '150%' } }; }, [
      { field: 'spec.strategy.rollingUpdate.maxUnavailable', reason: 'FieldValueInvalid', message: 'Invalid value: "150%": must not be greater than 100%' },
    ]],
    ['rollingUpdate with Recreate', (s) => { s.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }; }, [
      { field: 'spec.strategy.rollingUpdate', reason: 'FieldValueForbidden', message: "Forbidden: may not be specified when strategy `type` is 'Recreate'" },
    ]],
    ['progressDeadlineSeconds not above minReadySeconds', (s) => { s.minReadySeconds = 10; s.progressDeadlineSeconds = 10; }, [
      { field: 'spec.progressDeadlineSeconds', reason: 'FieldValueInvalid', message: 'Invalid value: 10: must be greater than minReadySeconds' },
    ]],
  ])('%s', (_name, edit, expected) => {
    expect(create(deploy(edit))).toEqual(expected);
  });

  it('keeps the selector immutable', () => {
    const old = fixture('Deployment');
    const next = deploy((s) => { s.selector = { matchLabels: { app: 'web', tier: 'x' } }; s.template.metadata.labels.tier = 'x'; });
    expect(update(next, old)).toEqual([{
      field: 'spec.selector', reason: 'FieldValueInvalid',
      message: 'Invalid value: {"matchLabels":{"app":"web","tier":"x"}}: field is immutable',
    }]);
    expect(update(deploy((s) => { s.replicas = 5; }), old)).toEqual([]);
  });
});

describe('DaemonSet update strategy', () => {
  const ds = (ru: Obj) => fixture('DaemonSet', (o) => { o.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: ru }; });
  it.each<[Obj, Obj[]]>([
    [{ maxUnavailable: 1, maxSurge: 0 }, []],
    [{ maxUnavailable: 0, maxSurge: 0 }, [{ field: 'spec.updateStrategy.rollingUpdate.maxUnavailable', reason: 'FieldValueRequired', message: 'Required value: cannot be 0 when maxSurge is 0' }]],
    [{ maxUnavailable: 1, maxSurge: '10%' }, [{ field: 'spec.updateStrategy.rollingUpdate.maxSurge', reason: 'FieldValueInvalid', message: 'Invalid value: "10%": may not be set when maxUnavailable is non-zero' }]],
  ])('%p', (ru, expected) => {
    expect(create(ds(ru))).toEqual(expected);
  });

  it('rejects an unknown type', () => {
    expect(create(fixture('DaemonSet', (o) => { o.spec.updateStrategy = { type: 'Rolling' }; }))).toEqual([
      { field: 'spec.updateStrategy.type', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Rolling": supported values: "OnDelete", "RollingUpdate"' },
    ]);
  });
});

describe('StatefulSet', () => {
  it.each<[string, (s: Obj) => void, Obj[]]>([
    ['podManagementPolicy', (s) => { s.podManagementPolicy = 'Random'; }, [
      { field: 'spec.podManagementPolicy', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Random": supported values: "OrderedReady", "Parallel"' },
    ]],
    ['negative partition', (s) => { s.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: -1 } }; }, [
      { field: 'spec.updateStrategy.rollingUpdate.partition', reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0' },
    ]],
    ['retention policy', (s) => { s.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Keep' }; }, [
      { field: 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Keep": supported values: "Retain", "Delete"' },
    ]],
  ])('%s', (_name, edit, expected) => {
    expect(create(fixture('StatefulSet', (o) => edit(o.spec)))).toEqual(expected);
  });

  it('containers may mount a volumeClaimTemplate by name; other missing volumes are still refused', () => {
    const withClaim = (o: Obj) => {
      o.spec.volumeClaimTemplates = [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }];
      o.spec.template.spec.containers[0].volumeMounts = [{ name: 'data', mountPath: '/data' }];
    };
    expect(create(fixture('StatefulSet', withClaim))).toEqual([]);
    expect(create(fixture('StatefulSet', (o) => { withClaim(o); o.spec.template.spec.containers[0].volumeMounts.push({ name: 'nope', mountPath: '/x' }); })))
      .toEqual([{ field: 'spec.template.spec.containers[0].volumeMounts[1].name', reason: 'FieldValueInvalid', message: 'Not found: "nope"' }]);
  });

  it('forbids updates outside the mutable fields', () => {
    const old = fixture('StatefulSet');
    expect(update(fixture('StatefulSet', (o) => { o.spec.replicas = 3; o.spec.template.spec.containers[0].image = 'x:2'; }), old)).toEqual([]);
    expect(update(fixture('StatefulSet', (o) => { o.spec.serviceName = 'other'; }), old)).toEqual([{
      field: 'spec', reason: 'FieldValueForbidden',
      message: "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    }]);
  });
});
