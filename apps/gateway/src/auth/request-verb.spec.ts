import { nameOfFieldSelector, requestVerb } from './request-verb';

describe('requestVerb / nameOfFieldSelector', () => {
  it.each([
    ['GET', 'x', false, 'get'], ['GET', undefined, false, 'list'], ['GET', undefined, true, 'watch'], ['POST', undefined, false, 'create'],
    ['PUT', 'x', false, 'update'], ['PATCH', 'x', false, 'patch'], ['DELETE', 'x', false, 'delete'], ['DELETE', undefined, false, 'deletecollection'],
  ])('%s name=%s watch=%s → %s', (method, name, watch, verb) => expect(requestVerb(method, name, watch)).toBe(verb));

  it.each([
    [null, undefined], ['metadata.name=db', 'db'], ['metadata.name==db,metadata.namespace=default', 'db'],
    ['metadata.name!=db', undefined], ['type=Opaque', undefined], ['bad selector ((', undefined],
  ])('%s → %s', (selector, name) => expect(nameOfFieldSelector(selector)).toBe(name));
});
