import { validateObject } from './validate-object';
import { fixture } from './test-fixtures';

type Obj = Record<string, any>;
const create = (o: Obj) => validateObject(o, { operation: 'create' });
const pdb = (edit: (o: Obj) => void) => create(fixture('PodDisruptionBudget', edit));

describe('PodDisruptionBudget validation', () => {
  it.each<[string, (o: Obj) => void]>([
    ['minAvailable as an integer', () => undefined],
    ['minAvailable as a percent', (o) => { o.spec.minAvailable = '50%'; }],
    ['maxUnavailable instead', (o) => { delete o.spec.minAvailable; o.spec.maxUnavailable = '100%'; }],
    ['neither (the API allows it; it then allows no disruption)', (o) => { delete o.spec.minAvailable; }],
    ['no selector', (o) => { delete o.spec.selector; }],
    ['an expression selector', (o) => { o.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] }; }],
    ['a known unhealthyPodEvictionPolicy', (o) => { o.spec.unhealthyPodEvictionPolicy = 'AlwaysAllow'; }],
    ['a status of counts', (o) => { o.status = { disruptionsAllowed: 1, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2, observedGeneration: 1 }; }],
  ])('accepts %s', (_name, edit) => {
    expect(pdb(edit)).toEqual([]);
  });

  it('refuses minAvailable and maxUnavailable together', () => {
    expect(pdb((o) => { o.spec.maxUnavailable = 1; })).toEqual([
      { field: 'spec', reason: 'FieldValueInvalid', message: expect.stringMatching(/: minAvailable and maxUnavailable cannot be both set$/) },
    ]);
  });

  it.each<[string, unknown, string]>([
    ['a negative integer', -1, 'Invalid value: -1: must be greater than or equal to 0'],
    ['over 100%', '150%', 'Invalid value: "150%": must not be greater than 100%'],
    ['a string that is not a percent', 'half', expect.stringMatching(/^Invalid value: "half": a valid percent string must be a numeric string followed by an ending '%'/) as unknown as string],
  ])('refuses %s', (_name, value, message) => {
    expect(pdb((o) => { o.spec.minAvailable = value; })).toEqual([{ field: 'spec.minAvailable', reason: 'FieldValueInvalid', message }]);
    expect(pdb((o) => { delete o.spec.minAvailable; o.spec.maxUnavailable = value; })).toEqual([{ field: 'spec.maxUnavailable', reason: 'FieldValueInvalid', message }]);
  });

  it('refuses a selector that does not parse', () => {
    expect(pdb((o) => { o.spec.selector = { matchExpressions: [{ key: 'app', operator: 'Near', values: ['web'] }] }; })).toEqual([
      { field: 'spec.selector.matchExpressions[0].operator', reason: 'FieldValueInvalid', message: 'Invalid value: "Near": not a valid selector operator' },
    ]);
    expect(pdb((o) => { o.spec.selector = { matchLabels: { app: 'not a value' } }; })[0]).toMatchObject({ field: 'spec.selector.matchLabels', reason: 'FieldValueInvalid' });
  });

  it('refuses an unknown unhealthyPodEvictionPolicy', () => {
    expect(pdb((o) => { o.spec.unhealthyPodEvictionPolicy = 'Sometimes'; })).toEqual([
      { field: 'spec.unhealthyPodEvictionPolicy', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Sometimes": supported values: "AlwaysAllow", "IfHealthyBudget"' },
    ]);
  });

  it('refuses negative status counts', () => {
    expect(pdb((o) => { o.status = { disruptionsAllowed: -1 }; })).toEqual([
      { field: 'status.disruptionsAllowed', reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0' },
    ]);
  });

  it('refuses a name that is not a DNS subdomain', () => {
    expect(pdb((o) => { o.metadata.name = 'Web_PDB'; })[0]).toMatchObject({ field: 'metadata.name', reason: 'FieldValueInvalid' });
  });
});
