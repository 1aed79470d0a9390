import { booleanArrayLiteral, integerArrayLiteral, jsonArrayText, textArrayLiteral } from './pg-array-literal';

describe('PostgreSQL array literals', () => {
  it('quotes every text value and escapes quotes and backslashes only', () => {
    expect(textArrayLiteral(['a', '', 'NULL', 'b,c {d}', 'say "hi"', 'back\\slash', null])).toBe(
      '{"a","","NULL","b,c {d}","say \\"hi\\"","back\\\\slash",NULL}',
    );
    expect(textArrayLiteral([])).toBe('{}');
  });

  it('writes integers and booleans bare', () => {
    expect(integerArrayLiteral([1, 20, 300])).toBe('{1,20,300}');
    expect(booleanArrayLiteral([true, false])).toBe('{t,f}');
  });

  it('joins JSON texts into one JSON array, null for missing values', () => {
    const text = jsonArrayText(['{"a":"x\\"y"}', null, '[1]']);
    expect(JSON.parse(text)).toEqual([{ a: 'x"y' }, null, [1]]);
  });
});
