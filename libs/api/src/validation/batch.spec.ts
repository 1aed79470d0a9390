import { validateObject } from './validate-object';
import { fixture } from './test-fixtures';
import { scheduleProblem, timeZoneProblem } from './cron-schedule';

type Obj = Record<string, any>;
const create = (o: Obj) => validateObject(o, { operation: 'create' });

describe('Job validation', () => {
  const job = (edit: (s: Obj) => void) => fixture('Job', (o) => edit(o.spec));
  it.each<[string, (s: Obj) => void, Obj[]]>([
    ['valid', () => undefined, []],
    ['negative parallelism', (s) => { s.parallelism = -1; }, [{ field: 'spec.parallelism', reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0' }]],
    ['negative completions', (s) => { s.completions = -2; }, [{ field: 'spec.completions', reason: 'FieldValueInvalid', message: 'Invalid value: -2: must be greater than or equal to 0' }]],
    ['bad completionMode', (s) => { s.completionMode = 'Sometimes'; }, [
      { field: 'spec.completionMode', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"' },
    ]],
    ['Indexed without completions', (s) => { s.completionMode = 'Indexed'; }, [
      { field: 'spec.completions', reason: 'FieldValueRequired', message: 'Required value: when completion mode is Indexed' },
    ]],
    ['restartPolicy Always', (s) => { s.template.spec.restartPolicy = 'Always'; }, [
      { field: 'spec.template.spec.restartPolicy', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Always": supported values: "OnFailure", "Never"' },
    ]],
    ['no selector', (s) => { delete s.selector; }, [{ field: 'spec.selector', reason: 'FieldValueRequired', message: 'Required value' }]],
  ])('%s', (_name, edit, expected) => {
    expect(create(job(edit))).toEqual(expected);
  });

  it('keeps the template immutable', () => {
    const old = fixture('Job');
    const causes = validateObject(job((s) => { s.template.spec.containers[0].image = 'other'; }), { operation: 'update', old });
    expect(causes).toEqual([{ field: 'spec.template', reason: 'FieldValueInvalid', message: expect.stringMatching(/^Invalid value: \{.*\}: field is immutable$/) }]);
    expect(validateObject(job((s) => { s.parallelism = 3; }), { operation: 'update', old })).toEqual([]);
  });
});

describe('CronJob validation', () => {
  const cron = (edit: (s: Obj) => void) => fixture('CronJob', (o) => edit(o.spec));
  it.each<[string, (s: Obj) => void, Obj[]]>([
    ['valid', () => undefined, []],
    ['descriptor and time zone', (s) => { s.schedule = '@hourly'; s.timeZone = 'Europe/Paris'; }, []],
    ['no schedule', (s) => { delete s.schedule; }, [{ field: 'spec.schedule', reason: 'FieldValueRequired', message: 'Required value' }]],
    ['four fields', (s) => { s.schedule = '* * * *'; }, [
      { field: 'spec.schedule', reason: 'FieldValueInvalid', message: 'Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]' },
    ]],
    ['minute 61', (s) => { s.schedule = '61 * * * *'; }, [
      { field: 'spec.schedule', reason: 'FieldValueInvalid', message: 'Invalid value: "61 * * * *": Constraint error, got value 61 expected range 0-59' },
    ]],
    ['TZ in schedule', (s) => { s.schedule = 'TZ=UTC 0 * * * *'; }, [
      { field: 'spec.schedule', reason: 'FieldValueInvalid', message: 'Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead' },
    ]],
    ['unknown time zone', (s) => { s.timeZone = 'Mars/Olympus'; }, [
      { field: 'spec.timeZone', reason: 'FieldValueInvalid', message: 'Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus' },
    ]],
    ['bad concurrencyPolicy', (s) => { s.concurrencyPolicy = 'Sometimes'; }, [
      { field: 'spec.concurrencyPolicy', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"' },
    ]],
    ['template restartPolicy Always', (s) => { s.jobTemplate.spec.template.spec.restartPolicy = 'Always'; }, [
      { field: 'spec.jobTemplate.spec.template.spec.restartPolicy', reason: 'FieldValueNotSupported', message: 'Unsupported value: "Always": supported values: "OnFailure", "Never"' },
    ]],
    ['negative history limit', (s) => { s.successfulJobsHistoryLimit = -1; }, [
      { field: 'spec.successfulJobsHistoryLimit', reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0' },
    ]],
  ])('%s', (_name, edit, expected) => {
    expect(create(cron(edit))).toEqual(expected);
  });

  it('limits names to 52 characters', () => {
    const name = 'a'.repeat(53);
    expect(create(fixture('CronJob', (o) => { o.metadata.name = name; }))).toEqual([
      { field: 'metadata.name', reason: 'FieldValueInvalid', message: `Invalid value: "${name}": must be no more than 52 characters` },
    ]);
  });

  it.each([
    ['0 0 * * MON-FRI', undefined], ['@every 1h30m', undefined], ['0 0 31 2 *', undefined], ['@weekly', undefined],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'], ['0 0 0 * * *', 'expected exactly 5 fields, found 6: [0 0 0 * * *]'],
  ])('schedule %p', (schedule, problem) => {
    expect(scheduleProblem(schedule)).toBe(problem);
  });

  it('rejects the Local time zone', () => {
    expect(timeZoneProblem('Local')).toBe('timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones');
    expect(timeZoneProblem('UTC')).toBeUndefined();
  });
});
