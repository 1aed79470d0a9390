import { isWakeError } from '@wake/events';
import { matchesLabels, selectorToString } from './label-requirement';
import { formatLabels, formatLabelSelector, labelSelectorFromObject } from './label-selector-object';
import { parseLabelSelector } from './label-selector-parser';

describe('parseLabelSelector', () => {
  it.each<[string, string]>([
    ['', ''],
    ['app=web', 'app=web'],
    ['app==web', 'app==web'],
    ['app!=web', 'app!=web'],
    ['tier in (b,a,a)', 'tier in (a,b)'],
    ['tier notin (x)', 'tier notin (x)'],
    ['canary', 'canary'],
    ['!canary', '!canary'],
    ['  z = 1 ,  a  ', 'a,z=1'],
    ['app=web,tier notin (x)', 'app=web,tier notin (x)'],
    ['x in (,a)', 'x in (,a)'],
    ['x in ()', 'x in ()'],
    ['in=notin', 'in=notin'],
    ['x=', 'x='],
    ['example.com/role=db', 'example.com/role=db'],
    ['replicas>3', 'replicas>3'],
    ['replicas<3', 'replicas<3'],
  ])('%j → %j', (input, canonical) => {
    expect(selectorToString(parseLabelSelector(input))).toBe(canonical);
  });

  it.each<[string, string]>([
    ['=app', "found '=', expected: !, identifier, or 'end of string'"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x notin', "unable to parse requirement: found '' expected: '('"],
    ['x y', "unable to parse requirement: found 'y', expected: =, !=, ==, in, notin, gt, lt"],
    ['a,', "found '', expected: identifier after ','"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['a b=c', "unable to parse requirement: found 'b', expected: =, !=, ==, in, notin, gt, lt"],
    ['-a=b', 'unable to parse requirement: key: Invalid value: "-a": name part must consist of'],
    ['a=-b', 'unable to parse requirement: values[0]: Invalid value: "-b": a valid label must be an empty string'],
    ['a>b', "unable to parse requirement: values: Invalid value: [\"b\"]: for 'Gt', 'Lt' operators, the value must be an integer"],
    ['a=!b', "unable to parse requirement: found '!', expected: identifier"],
  ])('rejects %j', (input, message) => {
    let caught: unknown;
    try {
      parseLabelSelector(input);
    } catch (e) {
      caught = e;
    }
    expect(isWakeError(caught, 'BadRequest')).toBe(true);
    expect((caught as Error).message).toContain(message);
  });
});

describe('matchesLabels', () => {
  const labels = { app: 'web', tier: 'fe', replicas: '5' };
  it.each<[string, Record<string, string> | undefined, boolean]>([
    ['', labels, true],
    ['app=web', labels, true],
    ['app==api', labels, false],
    ['app!=api', labels, true],
    ['missing!=x', labels, true],
    ['tier in (fe,be)', labels, true],
    ['tier in (be)', labels, false],
    ['tier notin (be)', labels, true],
    ['missing notin (be)', labels, true],
    ['tier notin (fe)', labels, false],
    ['app', labels, true],
    ['missing', labels, false],
    ['!missing', labels, true],
    ['!app', labels, false],
    ['replicas>3', labels, true],
    ['replicas<3', labels, false],
    ['app>3', labels, false],
    ['app=web,tier=be', labels, false],
    ['app=web', undefined, false],
    ['!app', undefined, true],
  ])('%j on %j → %s', (selector, l, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), l)).toBe(expected);
  });
});

describe('LabelSelector objects', () => {
  it.each<[string, Parameters<typeof labelSelectorFromObject>[0], string, boolean]>([
    ['matchLabels', { matchLabels: { b: '2', a: '1' } }, 'a=1,b=2', true],
    ['In', { matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '0'] }] }, 'a in (0,1)', true],
    ['NotIn', { matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, 'a notin (1)', false],
    ['Exists and DoesNotExist', { matchExpressions: [{ key: 'a', operator: 'Exists' }, { key: 'c', operator: 'DoesNotExist' }] }, 'a,!c', true],
    ['empty selects everything', {}, '', true],
    ['absent selects nothing', undefined, '', false],
  ])('%s', (_n, obj, str, matches) => {
    const sel = labelSelectorFromObject(obj);
    expect(selectorToString(sel)).toBe(str);
    expect(matchesLabels(sel, { a: '1', b: '2' })).toBe(matches);
  });

  it('rejects an unknown operator and an empty In', () => {
    expect(() => labelSelectorFromObject({ matchExpressions: [{ key: 'a', operator: 'Gt' }] })).toThrow('"Gt" is not a valid label selector operator');
    expect(() => labelSelectorFromObject({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toThrow("values set can't be empty");
  });

  it.each<[Parameters<typeof formatLabelSelector>[0], string]>([
    [{ matchLabels: { app: 'web' } }, 'app=web'],
    [{}, '<none>'],
    [undefined, '<none>'],
    [{ matchExpressions: [{ key: 'a', operator: 'Bad' }] }, '<error>'],
  ])('formatLabelSelector(%j) = %s', (obj, out) => {
    expect(formatLabelSelector(obj)).toBe(out);
  });

  it('formatLabels sorts and says <none>', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });
});
