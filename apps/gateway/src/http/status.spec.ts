import { ConflictError, kindInfo, WakeError } from '@wake/events';
import { HttpError, statusFor, tooLarge } from './status';

const deploy = kindInfo('Deployment')!;

describe('statusFor', () => {
  it('maps NotFound, AlreadyExists and Conflict with the resource plural in details', () => {
    expect(statusFor(new WakeError('NotFound', 'deployments.apps "nope" not found'), { info: deploy, name: 'nope' })).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404,
      message: 'deployments.apps "nope" not found', details: { name: 'nope', group: 'apps', kind: 'deployments' },
    });
    expect(statusFor(new WakeError('AlreadyExists', 'x'), { info: deploy }).code).toBe(409);
    const c = statusFor(new ConflictError('Operation cannot be fulfilled'), { info: deploy, name: 'web' });
    expect([c.code, c.reason]).toEqual([409, 'Conflict']);
  });
  it('maps Invalid to 422 with the Kind in details and one cause per field', () => {
    const e = new WakeError('Invalid', 'Deployment "web" is invalid: spec.replicas: Invalid value', [
      { field: 'spec.replicas', reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0' },
      { field: 'spec.template.spec.containers[0].image', reason: 'FieldValueRequired', message: 'Required value' },
    ]);
    const s = statusFor(e, { info: deploy });
    expect(s.code).toBe(422);
    expect(s.details).toMatchObject({ name: 'web', group: 'apps', kind: 'Deployment' });
    expect(s.details!.causes).toHaveLength(2);
    expect(s.message).toBe('Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.containers[0].image: Required value]');
  });
  it('maps the other codes and unknown errors', () => {
    expect(statusFor(new WakeError('Expired', 'too old')).code).toBe(410);
    expect(statusFor(new WakeError('Forbidden', 'no')).code).toBe(403);
    expect(statusFor(new WakeError('BadRequest', 'bad')).code).toBe(400);
    expect(statusFor(new WakeError('TooLarge', 'big')).code).toBe(413);
    expect(statusFor(new HttpError(tooLarge(3))).reason).toBe('RequestEntityTooLarge');
    const s = statusFor(new Error('boom'));
    expect(s).toMatchObject({ code: 500, reason: 'InternalError', message: 'Internal error occurred: boom', details: { causes: [{ message: 'boom' }] } });
  });
});
