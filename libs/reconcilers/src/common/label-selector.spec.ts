import { isEmptySelector, selectorMatches } from './label-selector';
import type { LabelSelector } from './wire';

describe('selectorMatches', () => {
  const cases: [string, LabelSelector | undefined, Record<string, string>, boolean][] = [
    ['nil selector matches nothing', undefined, { a: '1' }, false],
    ['empty selector matches everything', {}, { a: '1' }, true],
    ['matchLabels hit', { matchLabels: { a: '1' } }, { a: '1', b: '2' }, true],
    ['matchLabels miss', { matchLabels: { a: '1' } }, { a: '2' }, false],
    ['In', { matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '2'] }] }, { a: '2' }, true],
    ['In absent', { matchExpressions: [{ key: 'a', operator: 'In', values: ['1'] }] }, {}, false],
    ['NotIn absent', { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, {}, true],
    ['NotIn hit', { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, { a: '1' }, false],
    ['Exists', { matchExpressions: [{ key: 'a', operator: 'Exists' }] }, { a: '' }, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, { a: 'x' }, false],
    ['bad operator', { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, { a: '3' }, false],
  ];
  it.each(cases)('%s', (_name, sel, labels, want) => expect(selectorMatches(sel, labels)).toBe(want));

  it('isEmptySelector', () => {
    expect(isEmptySelector({})).toBe(true);
    expect(isEmptySelector({ matchLabels: { a: '1' } })).toBe(false);
  });
});
