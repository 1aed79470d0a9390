import { configKeyProblems, labelValueProblems, nameMessage, portNameProblems, qualifiedNameProblems, regexError } from './names';

const NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('names', () => {
  it('regexError prints examples like apimachinery', () => {
    expect(regexError('bad', 'x+', 'a', 'b')).toBe("bad (e.g. 'a',  or 'b', regex used for validation is 'x+')");
    expect(regexError('bad', 'x+')).toBe("bad (regex used for validation is 'x+')");
  });

  it('nameMessage adds the example and regex to nameProblem', () => {
    expect(nameMessage('Foo_Bar', 'dns-subdomain')).toBe(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
    expect(nameMessage('a.b', 'dns-label')).toBe(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
    expect(nameMessage('x'.repeat(64), 'dns-label')).toBe('must be no more than 63 characters');
    expect(nameMessage('ok-name', 'dns-label')).toBeUndefined();
  });

  it.each([
    ['app', []],
    ['app.kubernetes.io/name', []],
    ['Bad Key', [NAME_PART]],
    ['/x', ['prefix part must be non-empty']],
    ['example.com/', ['name part must be non-empty']],
    ['a/b/c', [expect.stringMatching(/^a qualified name must consist of .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/)]],
    ['x'.repeat(64), ['name part must be no more than 63 characters']],
    ['Example.com/x', [expect.stringMatching(/^prefix part a lowercase RFC 1123 subdomain must/)]],
  ])('qualified name %p', (key, problems) => {
    expect(qualifiedNameProblems(key)).toEqual(problems);
  });

  it.each([
    ['', 0], ['web', 0], ['my_value.1', 0], ['-bad', 1], ['has space', 1], ['x'.repeat(64), 1],
  ])('label value %p has %p problems', (value, count) => {
    expect(labelValueProblems(value)).toHaveLength(count);
  });

  it.each([
    ['http', []],
    ['metrics-port-long', ['must be no more than 15 characters']],
    ['HTTP', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
    ['a--b', ['must not contain consecutive hyphens (-)']],
    ['-web', ['must not begin or end with a hyphen (-)']],
    ['8080', ['must contain at least one letter (a-z)']],
  ])('port name %p', (name, problems) => {
    expect(portNameProblems(name)).toEqual(problems);
  });

  it.each([
    ['app.conf', []], ['KEY_1', []], ['.', ["must not be '.'"]], ['..', ["must not be '..'"]], ['..x', ["must not start with '..'"]],
    ['a b', ["a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]],
  ])('config key %p', (key, problems) => {
    expect(configKeyProblems(key)).toEqual(problems);
  });
});
