import { pod, service } from '../testing/fixtures';
import { findPort } from './find-port';

describe('findPort', () => {
  const p = pod('p', 'web', { ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 5353, protocol: 'UDP' }] });
  const port = service('web').spec!.ports![0];

  it('uses a numeric targetPort as is', () => {
    expect(findPort(p, { ...port, targetPort: 9000 })).toBe(9000);
  });

  it('looks a named targetPort up among the container ports with the same protocol', () => {
    expect(findPort(p, { ...port, targetPort: 'http' })).toBe(8080);
    expect(findPort(p, { ...port, targetPort: 'dns' })).toBeUndefined();
    expect(findPort(p, { ...port, targetPort: 'dns', protocol: 'UDP' })).toBe(5353);
    expect(findPort(p, { ...port, targetPort: 'nope' })).toBeUndefined();
  });

  it('falls back to the service port when targetPort is absent', () => {
    expect(findPort(p, { port: 81 })).toBe(81);
  });
});
