// Cases follow upstream's printers_test.go (TestPrintJob, TestPrintJobList, TestPrintCronJob).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cronJobs, jobs } from './batch.ts';
import type { ApiObject, TableDef } from './types.ts';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const m = 60_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const SOON = iso(NOW + 1000);
const TEN_YEARS = iso(NOW - 10 * 365 * 24 * 60 * m);
const cells = (def: TableDef, o: ApiObject) => def.cells(o, NOW);

const template = {
  spec: {
    containers: [
      { name: 'fake-job-container1', image: 'fake-job-image1' },
      { name: 'fake-job-container2', image: 'fake-job-image2' },
    ],
  },
};

describe('jobs', () => {
  const job = (name: string, spec: object, status: object = {}, metadata: object = {}): ApiObject => ({
    metadata: { name, creationTimestamp: SOON, ...metadata },
    spec,
    status,
  });
  const cases: [string, ApiObject, unknown[]][] = [
    [
      'running, completions, wide cells',
      job('job1', { completions: 2, template, selector: { matchLabels: { 'job-label': 'job-label-value' } } }, { succeeded: 1 }),
      ['job1', 'Running', '1/2', '', '0s', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'job-label=job-label-value'],
    ],
    ['ten years old', job('job2', {}, { succeeded: 0 }, { creationTimestamp: TEN_YEARS }), ['job2', 'Running', '0/1', '', '10y', '', '', '<none>']],
    [
      'finished: completion minus start',
      job('job3', {}, { startTime: iso(NOW + m), completionTime: iso(NOW + 31 * m) }, { creationTimestamp: TEN_YEARS }),
      ['job3', 'Running', '0/1', '30m', '10y', '', '', '<none>'],
    ],
    [
      'still running: time since start',
      job('job4', {}, { startTime: iso(NOW - 20 * m) }, { creationTimestamp: TEN_YEARS }),
      ['job4', 'Running', '0/1', '20m', '10y', '', '', '<none>'],
    ],
    ['complete', job('job5', {}, { conditions: [{ type: 'Complete', status: 'True' }] }), ['job5', 'Complete', '0/1', '', '0s', '', '', '<none>']],
    ['failed', job('job6', {}, { conditions: [{ type: 'Failed', status: 'True' }] }), ['job6', 'Failed', '0/1', '', '0s', '', '', '<none>']],
    ['suspended', job('job7', {}, { conditions: [{ type: 'Suspended', status: 'True' }] }), ['job7', 'Suspended', '0/1', '', '0s', '', '', '<none>']],
    [
      'failure target',
      job('job8', {}, { conditions: [{ type: 'FailureTarget', status: 'True' }] }),
      ['job8', 'FailureTarget', '0/1', '', '0s', '', '', '<none>'],
    ],
    ['terminating', job('job9', {}, {}, { deletionTimestamp: SOON }), ['job9', 'Terminating', '0/1', '', '0s', '', '', '<none>']],
    [
      'success criteria met is still Running in 1.33',
      job('job10', {}, { conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }] }),
      ['job10', 'Running', '0/1', '', '0s', '', '', '<none>'],
    ],
    [
      'a False condition does not count',
      job('job11', {}, { conditions: [{ type: 'Complete', status: 'False' }] }),
      ['job11', 'Running', '0/1', '', '0s', '', '', '<none>'],
    ],
    [
      'parallel job without completions',
      job('work-queue', { parallelism: 3 }, { succeeded: 2 }),
      ['work-queue', 'Running', '2/1 of 3', '', '0s', '', '', '<none>'],
    ],
    [
      'job list row with duration',
      job('job2', { completions: 2, template }, { succeeded: 2, startTime: iso(NOW - 20 * m) }),
      ['job2', 'Running', '2/2', '20m', '0s', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', '<none>'],
    ],
  ];
  for (const [name, o, want] of cases) {
    it(name, () => assert.deepEqual(cells(jobs, o), want));
  }
});

describe('cron jobs', () => {
  const jobTemplate = { spec: { completions: 2, template, selector: { matchLabels: { a: 'b' } } } };
  const cj = (name: string, spec: object, status: object, created = SOON): ApiObject => ({
    metadata: { name, creationTimestamp: created },
    spec,
    status,
  });
  it('schedule, timezone, suspend, active, last schedule, age, then containers, images, selector', () => {
    assert.deepEqual(cells(cronJobs, cj('cronjob1', { schedule: '0/5 * * * ?', suspend: false, jobTemplate }, { lastScheduleTime: SOON })), [
      'cronjob1',
      '0/5 * * * ?',
      '<none>',
      'False',
      0,
      '0s',
      '0s',
      'fake-job-container1,fake-job-container2',
      'fake-job-image1,fake-job-image2',
      'a=b',
    ]);
    assert.deepEqual(
      cells(cronJobs, cj('cronjob1', { schedule: '0/5 * * * ?', timeZone: 'LOCAL', suspend: false, jobTemplate }, { lastScheduleTime: SOON })).slice(0, 7),
      ['cronjob1', '0/5 * * * ?', 'LOCAL', 'False', 0, '0s', '0s'],
    );
  });
  it('last schedule and age', () => {
    assert.deepEqual(
      cells(cronJobs, cj('cronjob2', { schedule: '0/5 * * * ?', suspend: false }, { lastScheduleTime: iso(NOW - 30_000) }, iso(NOW - 5 * m))).slice(0, 7),
      ['cronjob2', '0/5 * * * ?', '<none>', 'False', 0, '30s', '5m'],
    );
    assert.deepEqual(cells(cronJobs, cj('cronjob3', { schedule: '0/5 * * * ?', suspend: false }, {}, iso(NOW - 5 * m))).slice(0, 7), [
      'cronjob3',
      '0/5 * * * ?',
      '<none>',
      'False',
      0,
      '<none>',
      '5m',
    ]);
  });
  it('active jobs and an unset suspend', () => {
    const o = cj('hourly', { schedule: '@hourly' }, { active: [{ name: 'hourly-1' }, { name: 'hourly-2' }], lastScheduleTime: iso(NOW - 3 * m) });
    assert.deepEqual(cells(cronJobs, o).slice(0, 7), ['hourly', '@hourly', '<none>', '<unset>', 2, '3m', '0s']);
  });
});
