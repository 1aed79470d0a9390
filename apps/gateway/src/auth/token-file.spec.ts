import { TokenAuthenticator } from './authenticate';
import { actorOfUser, parseTokenFile } from './token-file';

describe('parseTokenFile (kube-apiserver --token-auth-file format)', () => {
  it('reads token,user,uid,"groups" lines, skipping blanks and comments', () => {
    const text = '# nodes\nt-a,system:node:node-a,uid-a,"system:nodes"\n\nt-bob, bob ,uid-b,"dev,ops"\nt-c,carol,uid-c\n';
    expect(parseTokenFile(text)).toEqual([
      { token: 't-a', actor: { type: 'node', node: 'node-a' } },
      { token: 't-bob', actor: { type: 'user', name: 'bob', groups: ['dev', 'ops', 'system:authenticated'] } },
      { token: 't-c', actor: { type: 'user', name: 'carol', groups: ['system:authenticated'] } },
    ]);
  });

  it('refuses a line without a user', () => {
    expect(() => parseTokenFile('only-a-token\n')).toThrow('token file line 1');
  });

  it.each([
    ['system:node:node-a', ['system:nodes'], { type: 'node', node: 'node-a' }],
    ['system:node:node-a', [], { type: 'user', name: 'system:node:node-a', groups: ['system:authenticated'] }],
    ['node-a', ['system:nodes'], { type: 'user', name: 'node-a', groups: ['system:nodes', 'system:authenticated'] }],
  ])('%s in %j', (name, groups, actor) => expect(actorOfUser(name, groups)).toEqual(actor));

  it('authenticates the file\'s tokens beside the admin token, which a file cannot take over', () => {
    const auth = new TokenAuthenticator('admin', parseTokenFile('admin,mallory,u\nt-a,system:node:node-a,u,system:nodes\n'));
    expect(auth.authenticate('Bearer admin')).toMatchObject({ name: 'wake-admin' });
    expect(auth.authenticate('Bearer t-a')).toEqual({ type: 'node', node: 'node-a' });
  });
});
