import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateJobSelector, validateCronJob, validateIndexesFormat, validateJob } from './batch.ts';
import { type Obj, mutate, podTemplate, runCases, storedMeta } from './testing.ts';

const spec = (o: Obj) => o.spec as Obj;
const template = (o: Obj) => spec(o).template as Obj;
const podSpec = (o: Obj) => template(o).spec as Obj;
const uid = '6b3f1c2e-0000-4000-8000-000000000001';

describe('generateJobSelector', () => {
  it('labels the template and selects the uid, keeping user values', () => {
    const job: Obj = { metadata: { name: 'pi', uid: 'u1' }, spec: { template: { metadata: { labels: { 'job-name': 'mine' } } } } };
    generateJobSelector(job);
    assert.deepEqual(template(job).metadata, {
      labels: { 'job-name': 'mine', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u1', 'batch.kubernetes.io/controller-uid': 'u1' },
    });
    assert.deepEqual(spec(job).selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } });
  });
  it('leaves manual selectors alone', () => {
    const job: Obj = { metadata: { name: 'pi', uid: 'u1' }, spec: { manualSelector: true, template: {} } };
    generateJobSelector(job);
    assert.deepEqual(job.spec, { manualSelector: true, template: {} });
  });
});

describe('validateIndexesFormat', () => {
  const cases: [string, number, { total: number; error?: string }][] = [
    ['', 3, { total: 0 }],
    ['0,2-4', 5, { total: 4 }],
    ['1-2-3', 5, { total: 0, error: `the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by '-'` }],
    ['a', 5, { total: 0, error: 'cannot convert string to integer for index: "a"' }],
    ['5', 5, { total: 0, error: 'too large index: "5"' }],
    ['3,1', 5, { total: 0, error: 'non-increasing order, previous: 3, current: 1' }],
  ];
  for (const [indexes, completions, want] of cases) {
    it(JSON.stringify(indexes), () => assert.deepEqual(validateIndexesFormat(indexes, completions), want));
  }
});

describe('Job', () => {
  const job: Obj = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', uid },
    spec: { parallelism: 1, completions: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed', template: podTemplate({}, 'Never') },
  };
  const stored = mutate(job, (o) => {
    generateJobSelector(o);
    o.metadata = storedMeta('pi', 'default');
  });
  const allLabels = (jobName: string, legacyUid = uid) =>
    `map[string]string{"batch.kubernetes.io/controller-uid":"${uid}", "batch.kubernetes.io/job-name":"${jobName}", "controller-uid":"${legacyUid}", "job-name":"${jobName}"}`;

  runCases(validateJob, [
    { name: 'valid (selector generated)', object: job, want: [] },
    {
      name: 'restartPolicy Always',
      object: mutate(job, (o) => (podSpec(o).restartPolicy = 'Always')),
      want: ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    },
    {
      name: 'negative counts',
      object: mutate(job, (o) => Object.assign(spec(o), { parallelism: -1, completions: -2, activeDeadlineSeconds: -3, backoffLimit: -4, ttlSecondsAfterFinished: -5 })),
      want: [
        'spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
        'spec.completions: Invalid value: -2: must be greater than or equal to 0',
        'spec.activeDeadlineSeconds: Invalid value: -3: must be greater than or equal to 0',
        'spec.backoffLimit: Invalid value: -4: must be greater than or equal to 0',
        'spec.ttlSecondsAfterFinished: Invalid value: -5: must be greater than or equal to 0',
      ],
    },
    {
      name: 'completionMode',
      object: mutate(job, (o) => (spec(o).completionMode = 'Sequential')),
      want: ['spec.completionMode: Unsupported value: "Sequential": supported values: "NonIndexed", "Indexed"'],
    },
    {
      name: 'Indexed needs completions',
      object: mutate(job, (o) => Object.assign(spec(o), { completionMode: 'Indexed', completions: undefined })),
      want: ['spec.completions: Required value: when completion mode is Indexed'],
    },
    {
      name: 'backoffLimitPerIndex needs Indexed',
      object: mutate(job, (o) => (spec(o).backoffLimitPerIndex = 1)),
      want: ['spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode'],
    },
    {
      name: 'maxFailedIndexes needs backoffLimitPerIndex',
      object: mutate(job, (o) => Object.assign(spec(o), { completionMode: 'Indexed', completions: 3, maxFailedIndexes: 4 })),
      want: ['spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified', 'spec.maxFailedIndexes: Invalid value: 4: must be less than or equal to completions'],
    },
    {
      name: 'Indexed hostname must be a DNS label',
      object: mutate(job, (o) => {
        (o.metadata as Obj).name = 'a'.repeat(62);
        Object.assign(spec(o), { completionMode: 'Indexed', completions: 20 });
      }),
      want: [`metadata.name: Invalid value: "${'a'.repeat(62)}": will not able to create pod with invalid DNS label: ${'a'.repeat(62)}-19`],
    },
    {
      name: 'manual selector must match the template',
      object: mutate(job, (o) => {
        Object.assign(spec(o), { manualSelector: true, selector: { matchLabels: { app: 'x' } } });
        (template(o).metadata as Obj).labels = { app: 'y' };
      }),
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`'],
    },
    {
      name: 'manual selector required',
      object: mutate(job, (o) => {
        spec(o).manualSelector = true;
        delete (template(o).metadata as Obj).labels;
      }),
      want: ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`'],
    },
    {
      name: 'a selector without manualSelector is checked against the generated one',
      object: mutate(job, (o) => {
        spec(o).selector = { matchLabels: { app: 'pi' } };
        (template(o).metadata as Obj).labels = { app: 'pi' };
      }),
      want: [
        `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"pi", "batch.kubernetes.io/controller-uid":"${uid}"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: \`selector\` not auto-generated`,
      ],
    },
    {
      name: 'conflicting controller-uid label',
      object: mutate(job, (o) => ((template(o).metadata as Obj).labels = { 'controller-uid': 'wrong' })),
      want: [`spec.template.metadata.labels[controller-uid]: Invalid value: ${allLabels('pi', 'wrong')}: must be '${uid}'`],
    },
    {
      name: 'uid required for a generated selector',
      object: mutate(job, (o) => delete (o.metadata as Obj).uid),
      want: ['metadata.uid: Required value'],
    },
    {
      name: 'podFailurePolicy needs restartPolicy Never and replacement Failed',
      object: mutate(job, (o) => {
        spec(o).podFailurePolicy = { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1, 2] } }] };
        podSpec(o).restartPolicy = 'OnFailure';
      }),
      want: [
        'spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"',
        'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
      ],
    },
    {
      name: 'podFailurePolicy rules',
      object: mutate(job, (o) => {
        spec(o).podReplacementPolicy = 'Failed';
        spec(o).podFailurePolicy = {
          rules: [
            { action: '', onExitCodes: { operator: 'In', containerName: 'nope', values: [0, 3, 2, 3] } },
            { action: 'Retry', onPodConditions: [{ type: 'DisruptionTarget' }] },
            { action: 'Ignore' },
          ],
        };
      }),
      want: [
        'spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]',
        'spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "nope": must be one of the container or initContainer names in the pod template',
        'spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator',
        'spec.podFailurePolicy.rules[0].onExitCodes.values[3]: Duplicate value: 3',
        'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{0, 3, 2, 3}: must be ordered',
        'spec.podFailurePolicy.rules[1].action: Unsupported value: "Retry": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
        'spec.podFailurePolicy.rules[1].onPodConditions[0].status: Required value: valid values: ["False" "True" "Unknown"]',
        'spec.podFailurePolicy.rules[2]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required',
      ],
    },
    {
      name: 'successPolicy needs Indexed',
      object: mutate(job, (o) => (spec(o).successPolicy = { rules: [{ succeededIndexes: '0' }] })),
      want: [
        'spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{batch.SuccessPolicyRule{SucceededIndexes:(*string)(0xc000012345), SucceededCount:(*int32)(nil)}}}: requires indexed completion mode',
      ],
    },
    {
      name: 'successPolicy rules',
      object: mutate(job, (o) => Object.assign(spec(o), { completionMode: 'Indexed', completions: 5, successPolicy: { rules: [{ succeededIndexes: '0-2,1', succeededCount: 6 }, {}] } })),
      want: [
        'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0-2,1": error parsing succeededIndexes: non-increasing order, previous: 2, current: 1',
        'spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)',
        'spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 0 (the number of indexes in the specified succeededIndexes field)',
        'spec.successPolicy.rules[1]: Required value: at least one of succeededCount or succeededIndexes must be specified',
      ],
    },
    {
      name: 'managedBy must be a domain-prefixed path',
      object: mutate(job, (o) => (spec(o).managedBy = 'kueue')),
      want: ['spec.managedBy: Invalid value: "kueue": must be a domain-prefixed path (such as "acme.io/foo")'],
    },
    {
      name: 'update: parallelism may change',
      object: mutate(stored, (o) => (spec(o).parallelism = 3)),
      old: stored,
      want: [],
    },
    {
      name: 'update: completions immutable for NonIndexed',
      object: mutate(stored, (o) => (spec(o).completions = 2)),
      old: stored,
      want: ['spec.completions: Invalid value: 2: field is immutable'],
    },
    {
      name: 'update: Indexed completions change with parallelism',
      object: mutate(stored, (o) => Object.assign(spec(o), { completionMode: 'Indexed', completions: 4, parallelism: 4 })),
      old: mutate(stored, (o) => Object.assign(spec(o), { completionMode: 'Indexed', completions: 3, parallelism: 3 })),
      want: [],
    },
    {
      name: 'update: Indexed completions alone',
      object: mutate(stored, (o) => Object.assign(spec(o), { completionMode: 'Indexed', completions: 4, parallelism: 3 })),
      old: mutate(stored, (o) => Object.assign(spec(o), { completionMode: 'Indexed', completions: 3, parallelism: 3 })),
      want: ['spec.completions: Invalid value: 4: can only be modified in tandem with spec.parallelism'],
    },
    {
      name: 'update: template immutable',
      object: mutate(stored, (o) => ((podSpec(o).containers as Obj[])[0]!.image = 'perl:5.40')),
      old: stored,
      want: ['spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable'],
    },
    {
      name: 'update: a suspended job that never ran may change scheduling directives',
      object: mutate(stored, (o) => Object.assign(podSpec(o), { nodeSelector: { zone: 'a' }, tolerations: [{ key: 'k', operator: 'Exists' }] })),
      old: mutate(stored, (o) => (spec(o).suspend = true)),
      want: [],
    },
    {
      name: 'update: completionMode immutable',
      object: mutate(stored, (o) => Object.assign(spec(o), { completionMode: 'Indexed' })),
      old: stored,
      want: ['spec.completionMode: Invalid value: "Indexed": field is immutable'],
    },
  ]);
});

describe('CronJob', () => {
  const cj: Obj = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      schedule: '*/5 * * * *',
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: { spec: { template: podTemplate({}, 'OnFailure') } },
    },
  };
  const stored = mutate(cj, (o) => (o.metadata = storedMeta('hello', 'default')));
  const jobSpec = (o: Obj) => (spec(o).jobTemplate as Obj).spec as Obj;
  runCases(validateCronJob, [
    { name: 'valid', object: cj, want: [] },
    { name: 'schedule required', object: mutate(cj, (o) => (spec(o).schedule = '')), want: ['spec.schedule: Required value'] },
    {
      name: 'schedule with one field',
      object: mutate(cj, (o) => (spec(o).schedule = 'bad')),
      want: ['spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]'],
    },
    {
      name: 'schedule out of range',
      object: mutate(cj, (o) => (spec(o).schedule = '61 * * * *')),
      want: ['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61'],
    },
    {
      name: 'descriptor',
      object: mutate(cj, (o) => (spec(o).schedule = '@hourly')),
      want: [],
    },
    {
      name: 'TZ in the schedule',
      object: mutate(cj, (o) => (spec(o).schedule = 'TZ=UTC 0 * * * *')),
      want: ['spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
    },
    { name: 'timeZone', object: mutate(cj, (o) => (spec(o).timeZone = 'America/New_York')), want: [] },
    {
      name: 'unknown timeZone',
      object: mutate(cj, (o) => (spec(o).timeZone = 'Mars/Olympus')),
      want: ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus'],
    },
    {
      name: 'empty timeZone',
      object: mutate(cj, (o) => (spec(o).timeZone = '')),
      want: ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string'],
    },
    {
      name: 'Local timeZone',
      object: mutate(cj, (o) => (spec(o).timeZone = 'Local')),
      want: ['spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'],
    },
    {
      name: 'timeZone with invalid characters',
      object: mutate(cj, (o) => (spec(o).timeZone = 'Europe/../Paris')),
      want: ['spec.timeZone: Invalid value: "Europe/../Paris": unknown time zone Europe/../Paris'],
    },
    {
      name: 'concurrencyPolicy',
      object: mutate(cj, (o) => (spec(o).concurrencyPolicy = 'Sometimes')),
      want: ['spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"'],
    },
    {
      name: 'negative deadline and history limits',
      object: mutate(cj, (o) => Object.assign(spec(o), { startingDeadlineSeconds: -1, successfulJobsHistoryLimit: -1, failedJobsHistoryLimit: -2 })),
      want: [
        'spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0',
        'spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
        'spec.failedJobsHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
      ],
    },
    {
      name: 'job template selector is generated',
      object: mutate(cj, (o) => Object.assign(jobSpec(o), { selector: { matchLabels: { app: 'x' } }, manualSelector: true })),
      want: [
        'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
        'spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"',
      ],
    },
    {
      name: 'job template restartPolicy',
      object: mutate(cj, (o) => ((jobSpec(o).template as Obj).spec as Obj).restartPolicy = 'Always'),
      want: ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    },
    {
      name: 'name longer than 52 characters',
      object: mutate(cj, (o) => ((o.metadata as Obj).name = 'c'.repeat(53))),
      want: [`metadata.name: Invalid value: "${'c'.repeat(53)}": must be no more than 52 characters`],
    },
    {
      name: 'update: long names are kept',
      object: mutate(stored, (o) => Object.assign(o.metadata as Obj, { name: 'c'.repeat(53) })),
      old: mutate(stored, (o) => Object.assign(o.metadata as Obj, { name: 'c'.repeat(53) })),
      want: [],
    },
    {
      name: 'update: TZ kept in a schedule that had it',
      object: mutate(stored, (o) => (spec(o).schedule = 'TZ=UTC 5 * * * *')),
      old: mutate(stored, (o) => (spec(o).schedule = 'TZ=UTC 0 * * * *')),
      want: [],
    },
    {
      name: 'update: TZ and timeZone together',
      object: mutate(stored, (o) => Object.assign(spec(o), { schedule: 'TZ=UTC 5 * * * *', timeZone: 'UTC' })),
      old: mutate(stored, (o) => (spec(o).schedule = 'TZ=UTC 0 * * * *')),
      want: ['spec.schedule: Invalid value: "TZ=UTC 5 * * * *": cannot use both timeZone field and TZ or CRON_TZ in schedule'],
    },
  ]);
});
