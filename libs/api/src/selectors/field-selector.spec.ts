import { isWakeError } from '@wake/events';
import { supportedFieldLabels } from './field-labels';
import { checkFieldSelector, fieldSelectorToString, matchesFields, parseFieldSelector } from './field-selector';

const pod = {
  metadata: { name: 'solo', namespace: 'default' },
  spec: { nodeName: 'node-1', restartPolicy: 'Always', schedulerName: 'default-scheduler' },
  status: { phase: 'Running', podIPs: [{ ip: '10.0.0.9' }] },
};
const event = {
  metadata: { name: 'e1', namespace: 'default' }, reason: 'Scheduled', type: 'Normal', source: { component: 'scheduler' },
  involvedObject: { kind: 'Pod', namespace: 'default', name: 'solo', uid: 'u1', apiVersion: 'v1', resourceVersion: '7', fieldPath: 'spec.containers{c}' },
};

describe('parseFieldSelector', () => {
  it.each<[string, string]>([
    ['', ''],
    ['metadata.name=solo', 'metadata.name=solo'],
    ['metadata.name==solo', 'metadata.name=solo'],
    ['status.phase!=Failed,spec.nodeName=node-1', 'spec.nodeName=node-1,status.phase!=Failed'],
    ['a=x\\,y', 'a=x\\,y'],
    ['involvedObject.namespace=', 'involvedObject.namespace='],
  ])('%j → %j', (input, canonical) => {
    expect(fieldSelectorToString(parseFieldSelector(input))).toBe(canonical);
  });

  it.each<[string, string]>([
    ['metadata.name', "invalid selector: 'metadata.name'; can't understand 'metadata.name'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: ='],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
  ])('rejects %j', (input, message) => {
    let caught: unknown;
    try {
      parseFieldSelector(input);
    } catch (e) {
      caught = e;
    }
    expect(isWakeError(caught, 'BadRequest')).toBe(true);
    expect((caught as Error).message).toBe(message);
  });
});

describe('matchesFields', () => {
  it.each<[string, string, unknown, boolean]>([
    ['Pod', 'metadata.name=solo', pod, true],
    ['Pod', 'metadata.namespace=other', pod, false],
    ['Pod', 'spec.nodeName=node-1,status.phase!=Succeeded,status.phase!=Failed', pod, true],
    ['Pod', 'spec.nodeName=', pod, false],
    ['Pod', 'spec.nodeName=', { metadata: { name: 'p' } }, true],
    ['Pod', 'status.podIP=10.0.0.9', pod, true],
    ['Pod', 'spec.schedulerName=default-scheduler,spec.restartPolicy=Always', pod, true],
    ['Event', 'involvedObject.name=solo,involvedObject.namespace=default,involvedObject.uid=u1', event, true],
    ['Event', 'involvedObject.kind=Deployment', event, false],
    ['Event', 'reason=Scheduled,type=Normal,source=scheduler', event, true],
    ['Event', 'involvedObject.fieldPath=spec.containers{c},involvedObject.apiVersion=v1,involvedObject.resourceVersion=7', event, true],
    ['Node', 'spec.unschedulable=true', { spec: { unschedulable: true } }, true],
    ['Node', 'spec.unschedulable=false', { spec: {} }, true],
    ['Secret', 'type=Opaque', { type: 'Opaque' }, true],
    ['Job', 'status.successful=1', { status: { succeeded: 1 } }, true],
    ['Namespace', 'status.phase=Active', { status: { phase: 'Active' } }, true],
    ['ReplicaSet', 'status.replicas=0', { status: {} }, true],
  ])('%s %j', (kind, selector, object, expected) => {
    expect(matchesFields(parseFieldSelector(selector), kind, object)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['Pod', 'spec.foo=x', 'field label not supported: spec.foo'],
    ['Deployment', 'status.phase=Running', 'field label not supported: status.phase'],
    ['Node', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
  ])('%s %j is not supported', (kind, selector, message) => {
    const sel = parseFieldSelector(selector);
    expect(() => checkFieldSelector(sel, kind)).toThrow(message);
    expect(() => matchesFields(sel, kind, {})).toThrow(message);
  });

  it('lists the supported labels per kind', () => {
    expect(supportedFieldLabels('Node')).toEqual(['metadata.name', 'spec.unschedulable']);
    expect(supportedFieldLabels('ConfigMap')).toEqual(['metadata.name', 'metadata.namespace']);
  });
});
