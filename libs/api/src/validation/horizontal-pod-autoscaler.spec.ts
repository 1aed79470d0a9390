import { applyDefaults } from '../defaulting';
import { validateObject } from './validate-object';
import { fixture } from './test-fixtures';

type Obj = Record<string, any>;
const create = (o: Obj) => validateObject(applyDefaults(o), { operation: 'create' });
const hpa = (edit: (o: Obj) => void) => create(fixture('HorizontalPodAutoscaler', edit));
const cpu = (target: Obj) => [{ type: 'Resource', resource: { name: 'cpu', target } }];

describe('HorizontalPodAutoscaler defaults (SetDefaults_HorizontalPodAutoscaler)', () => {
  it('minReplicas 1 and, without metrics, cpu at 80% utilization; no behavior is added', () => {
    const o = applyDefaults(fixture('HorizontalPodAutoscaler', (x) => { delete x.spec.minReplicas; delete x.spec.metrics; }));
    expect(o.spec.minReplicas).toBe(1);
    expect(o.spec.metrics).toEqual(cpu({ type: 'Utilization', averageUtilization: 80 }));
    expect(o.spec.behavior).toBeUndefined();
  });

  it('a behavior given in part is completed with upstream rules (scale down keeps no window: the controller default applies)', () => {
    const o = applyDefaults(fixture('HorizontalPodAutoscaler', (x) => { x.spec.behavior = { scaleDown: { stabilizationWindowSeconds: 60 } }; }));
    expect(o.spec.behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0, selectPolicy: 'Max',
        policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }],
      },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
    });
    const none = applyDefaults(fixture('HorizontalPodAutoscaler', (x) => { x.spec.behavior = {}; }));
    expect(none.spec.behavior.scaleDown.stabilizationWindowSeconds).toBeUndefined();
  });
});

describe('HorizontalPodAutoscaler validation', () => {
  it.each<[string, (o: Obj) => void]>([
    ['a cpu utilization target', () => undefined],
    ['no minReplicas (defaulted to 1)', (o) => { delete o.spec.minReplicas; }],
    ['no metrics (defaulted)', (o) => { delete o.spec.metrics; }],
    ['a memory AverageValue target', (o) => { o.spec.metrics = [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }]; }],
    ['min equal to max', (o) => { o.spec.minReplicas = 4; }],
    ['a behavior', (o) => { o.spec.behavior = { scaleDown: { selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } }; }],
  ])('accepts %s', (_name, edit) => {
    expect(hpa(edit)).toEqual([]);
  });

  it.each<[string, (o: Obj) => void, Obj[]]>([
    ['no scale target', (o) => { o.spec.scaleTargetRef = {}; }, [
      { field: 'spec.scaleTargetRef.kind', reason: 'FieldValueRequired', message: 'Required value' },
      { field: 'spec.scaleTargetRef.name', reason: 'FieldValueRequired', message: 'Required value' }]],
    ['minReplicas 0 (the HPAScaleToZero alpha gate is off)', (o) => { o.spec.minReplicas = 0; }, [
      { field: 'spec.minReplicas', reason: 'FieldValueInvalid', message: 'Invalid value: 0: must be greater than or equal to 1' }]],
    ['maxReplicas 0', (o) => { o.spec.maxReplicas = 0; }, [
      { field: 'spec.maxReplicas', reason: 'FieldValueInvalid', message: 'Invalid value: 0: must be greater than 0' }]],
    ['maxReplicas below minReplicas', (o) => { o.spec.minReplicas = 5; }, [
      { field: 'spec.maxReplicas', reason: 'FieldValueInvalid', message: 'Invalid value: 4: must be greater than or equal to `minReplicas`' }]],
    ['a resource other than cpu and memory', (o) => { o.spec.metrics[0].resource.name = 'ephemeral-storage'; }, [
      { field: 'spec.metrics[0].resource.name', reason: 'FieldValueNotSupported', message: 'Unsupported value: "ephemeral-storage": supported values: "cpu", "memory"' }]],
    ['a Value target', (o) => { o.spec.metrics = cpu({ type: 'Value', value: '1' }); }, [
      { field: 'spec.metrics[0].resource.target.type', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Value": supported values: "AverageValue", "Utilization"' },
      { field: 'spec.metrics[0].resource.target.value', reason: 'FieldValueInvalid', message: 'Invalid value: "1": a Resource metric takes a per-pod target: averageUtilization or averageValue' },
      { field: 'spec.metrics[0].resource.target', reason: 'FieldValueRequired', message: 'Required value: must set either a target raw value or a target utilization' }]],
    ['a zero utilization', (o) => { o.spec.metrics = cpu({ type: 'Utilization', averageUtilization: 0 }); }, [
      { field: 'spec.metrics[0].resource.target.averageUtilization', reason: 'FieldValueInvalid', message: 'Invalid value: 0: must be greater than 0' }]],
    ['Utilization without averageUtilization', (o) => { o.spec.metrics = cpu({ type: 'Utilization', averageValue: '200m' }); }, [
      { field: 'spec.metrics[0].resource.target.averageUtilization', reason: 'FieldValueRequired', message: 'Required value: a Utilization target needs averageUtilization' }]],
    ['both targets', (o) => { o.spec.metrics = cpu({ type: 'Utilization', averageUtilization: 50, averageValue: '200m' }); }, [
      { field: 'spec.metrics[0].resource.target', reason: 'FieldValueInvalid', message: expect.stringMatching(/may not set both a target raw value and a target utilization$/) }]],
    ['a behavior outside the bounds', (o) => { o.spec.behavior = { scaleUp: { stabilizationWindowSeconds: 4000, selectPolicy: 'Most', policies: [{ type: 'Pods', value: 0, periodSeconds: 2000 }] } }; }, [
      { field: 'spec.behavior.scaleUp.stabilizationWindowSeconds', reason: 'FieldValueInvalid', message: 'Invalid value: 4000: must be less than or equal to 3600' },
      { field: 'spec.behavior.scaleUp.selectPolicy', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Most": supported values: "Disabled", "Max", "Min"' },
      { field: 'spec.behavior.scaleUp.policies[0].value', reason: 'FieldValueInvalid', message: 'Invalid value: 0: must be greater than zero' },
      { field: 'spec.behavior.scaleUp.policies[0].periodSeconds', reason: 'FieldValueInvalid', message: 'Invalid value: 2000: must be less than or equal to 1800' }]],
  ])('refuses %s', (_name, edit, causes) => {
    expect(hpa(edit)).toEqual(causes);
  });

  it.each(['Pods', 'Object', 'External', 'ContainerResource'])('refuses a %s metric as unsupported, naming what is', (type) => {
    expect(hpa((o) => { o.spec.metrics = [{ type, [type.charAt(0).toLowerCase() + type.slice(1)]: {} }]; })).toEqual([{
      field: 'spec.metrics[0].type', reason: 'FieldValueNotSupported',
      message: `Unsupported value: "${type}": Wake's horizontal pod autoscaler reads resource metrics only (type Resource, cpu or memory); Pods, Object, External and ContainerResource metrics are not supported`,
    }]);
  });

  it('refuses an unknown metric type with the list of types', () => {
    expect(hpa((o) => { o.spec.metrics = [{ type: 'Gauge' }]; })).toEqual([{
      field: 'spec.metrics[0].type', reason: 'FieldValueNotSupported',
      message: 'Unsupported value: "Gauge": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
    }]);
  });

  it('refuses negative counts in the status', () => {
    expect(hpa((o) => { o.status = { currentReplicas: -1, desiredReplicas: 1 }; })).toEqual([
      { field: 'status.currentReplicas', reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0' }]);
  });
});
