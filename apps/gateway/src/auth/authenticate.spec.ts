import { TokenAuthenticator } from './authenticate';

describe('TokenAuthenticator', () => {
  const auth = new TokenAuthenticator('s3cret');
  it('accepts the bearer token and nothing else', () => {
    expect(auth.authenticate('Bearer s3cret')).toMatchObject({ type: 'user', name: 'wake-admin' });
    expect(auth.authenticate('bearer s3cret')).toBeDefined();
    expect(auth.authenticate('Bearer s3cre')).toBeUndefined();
    expect(auth.authenticate('Basic s3cret')).toBeUndefined();
    expect(auth.authenticate(undefined)).toBeUndefined();
  });
});
