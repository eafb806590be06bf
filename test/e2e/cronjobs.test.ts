// CronJobs against a real server, its control plane and hollow nodes, driven by real
// kubectl. The CronJob controller reads schedules on a clock the test moves forward
// (real time plus an offset), so a quarter-hourly schedule fires without waiting: the
// seed's batch-job-every-fifteen-minutes (batch/v1beta1) creating its Job, history
// limits, Forbid and Replace, startingDeadlineSeconds, suspend, `kubectl create job
// --from=cronjob/x`, and a bad schedule rejected with upstream's message.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CronJob, Job } from 'kubernetes-types/batch/v1.d.ts';
import type { Event } from 'kubernetes-types/core/v1.d.ts';
import type { Clock } from '../../src/apimachinery/clock.ts';
import type { ResourceClient } from '../../src/client/resource-client.ts';
import { startTestCluster, type TestCluster } from '../support/test-cluster.ts';
import { until } from '../support/until.ts';

/** Real time plus an offset the test raises; timers are re-armed when it moves. */
class ShiftedClock implements Clock {
  private offset = 0;
  private readonly timers = new Set<{ due: number; fn: () => void; handle?: NodeJS.Timeout }>();

  now(): number {
    return Date.now() + this.offset;
  }

  setTimer(delayMs: number, fn: () => void): () => void {
    const timer = { due: this.now() + Math.max(0, delayMs), fn };
    this.timers.add(timer);
    this.arm(timer);
    return () => {
      clearTimeout((timer as { handle?: NodeJS.Timeout }).handle);
      this.timers.delete(timer);
    };
  }

  /** Moves time to `at` (ms since the epoch). */
  jumpTo(at: number): void {
    this.offset = at - Date.now();
    for (const timer of this.timers) this.arm(timer);
  }

  private arm(timer: { due: number; fn: () => void; handle?: NodeJS.Timeout }): void {
    clearTimeout(timer.handle);
    timer.handle = setTimeout(() => {
      this.timers.delete(timer);
      timer.fn();
    }, Math.max(0, timer.due - this.now()));
    timer.handle.unref();
  }
}

const seedCronJob = `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: batch-job-every-fifteen-minutes
spec:
  schedule: "0,15,30,45 * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels:
            app: periodic-batch-job
        spec:
          restartPolicy: OnFailure
          containers:
          - name: main
            image: luksa/batch-job
`;

const everyMinute = (name: string, extra = '', runSeconds = '1') => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "*/1 * * * *"
${extra
  .split('\n')
  .filter(Boolean)
  .map((l) => `  ${l}`)
  .join('\n')}
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            sim.kubets.io/run-seconds: "${runSeconds}"
        spec:
          restartPolicy: Never
          containers:
          - name: main
            image: busybox
`;

const minute = 60_000;

describe('cronjobs', { timeout: 120_000 }, () => {
  let cluster: TestCluster;
  let cronJobs: ResourceClient<CronJob>;
  let jobs: ResourceClient<Job>;
  const clock = new ShiftedClock();

  before(async () => {
    cluster = await startTestCluster({ nodes: 2, controlPlane: { controllers: { cronJob: { clock } } } });
    cronJobs = cluster.clients.resource<CronJob>('cronjobs', 'batch');
    jobs = cluster.clients.resource<Job>('jobs', 'batch');
  });
  after(async () => {
    await cluster?.close();
  });

  const jobsOf = async (cronJob: string) => (await jobs.list('default')).items.filter((j) => j.metadata?.ownerReferences?.[0]?.name === cronJob);
  const eventsOf = async (name: string) =>
    (await cluster.clients.events.list('default', { fieldSelector: `involvedObject.name=${name}` })).items.map((e: Event) => `${e.type} ${e.reason} ${e.message}`);
  const complete = (j: Job) => j.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True') ?? false;
  /** The next minute boundary (on the shifted clock) plus a second. */
  const nextMinute = () => Math.ceil(clock.now() / minute) * minute + 1000;
  const create = async (yaml: string) => {
    const r = await cluster.kubectl.run(['create', '-f', '-'], { input: yaml });
    assert.equal(r.code, 0, r.stderr);
  };

  it("fires the seed's quarter-hourly CronJob at its time and records it", async () => {
    const name = 'batch-job-every-fifteen-minutes';
    await create(seedCronJob);
    const table = await cluster.kubectlOk('get', 'cronjobs');
    assert.match(table, /^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE\n/);
    assert.match(table, /batch-job-every-fifteen-minutes\s+0,15,30,45 \* \* \* \*\s+<none>\s+False\s+0\s+<none>/);
    const quarter = Math.ceil(clock.now() / (15 * minute)) * 15 * minute;
    clock.jumpTo(quarter + 1000);
    const jobName = `${name}-${quarter / minute}`;
    await until(async () => (await jobsOf(name)).length === 1, 'the Job of the quarter hour', 20_000);
    const [job] = await jobsOf(name);
    assert.equal(job!.metadata?.name, jobName);
    assert.equal(job!.metadata?.ownerReferences?.[0]?.kind, 'CronJob');
    assert.equal(job!.metadata?.ownerReferences?.[0]?.controller, true);
    assert.equal(job!.metadata?.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'], new Date(quarter).toISOString().replace('.000Z', 'Z'));
    let cj = await cronJobs.get('default', name);
    assert.equal(cj.status?.lastScheduleTime, new Date(quarter).toISOString().replace('.000Z', 'Z'));
    await until(async () => (await eventsOf(name)).includes(`Normal SuccessfulCreate Created job ${jobName}`), 'the SuccessfulCreate event');
    await until(async () => {
      cj = await cronJobs.get('default', name);
      return !cj.status?.active?.length && !!cj.status?.lastSuccessfulTime;
    }, 'the Job seen completed', 20_000);
    await until(async () => (await eventsOf(name)).includes(`Normal SawCompletedJob Saw completed job: ${jobName}, condition: Complete`), 'the SawCompletedJob event');
    // LAST SCHEDULE is in kubectl's future here (the controller's clock runs ahead): any value.
    assert.match(await cluster.kubectlOk('get', 'cronjob', name), new RegExp(`${name}\\s+\\S+ \\* \\* \\* \\*\\s+<none>\\s+False\\s+0\\s+\\S+\\s+\\d+s`));
    await cluster.kubectlOk('delete', 'cronjob', name);
  });

  it('keeps successfulJobsHistoryLimit finished Jobs and deletes older ones', async () => {
    const name = 'history';
    await create(everyMinute(name, 'successfulJobsHistoryLimit: 2\nfailedJobsHistoryLimit: 1'));
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      const at = nextMinute();
      clock.jumpTo(at);
      names.push(`${name}-${Math.floor(at / minute)}`);
      await until(async () => (await jobsOf(name)).some((j) => j.metadata?.name === names[i] && complete(j)), `run ${i + 1} complete`, 20_000);
    }
    await until(async () => (await jobsOf(name)).filter((j) => !j.metadata?.deletionTimestamp).length === 2, 'two Jobs kept', 20_000);
    const kept = (await jobsOf(name)).filter((j) => !j.metadata?.deletionTimestamp).map((j) => j.metadata!.name!).sort();
    assert.deepEqual(kept, names.slice(2).sort());
    await until(async () => (await eventsOf(name)).includes(`Normal SuccessfulDelete Deleted job ${names[0]}`), 'the SuccessfulDelete event');
    await cluster.kubectlOk('patch', 'cronjob', name, '-p', '{"spec":{"suspend":true}}');
  });

  it('Forbid skips a run while the previous Job runs; Replace deletes it', async () => {
    await create(everyMinute('forbid', 'concurrencyPolicy: Forbid', '120'));
    await create(everyMinute('replace', 'concurrencyPolicy: Replace', '120'));
    const first = nextMinute();
    clock.jumpTo(first);
    await until(async () => (await jobsOf('forbid')).length === 1 && (await jobsOf('replace')).length === 1, 'the first runs', 20_000);
    await until(async () => (await cronJobs.get('default', 'replace')).status?.active?.length === 1, 'replace active');
    await until(async () => (await cronJobs.get('default', 'forbid')).status?.active?.length === 1, 'forbid active');
    const second = nextMinute();
    clock.jumpTo(second);
    const secondName = `replace-${Math.floor(second / minute)}`;
    await until(async () => (await jobsOf('replace')).some((j) => j.metadata?.name === secondName), 'the replacing run', 20_000);
    await until(async () => (await cronJobs.get('default', 'replace')).status?.active?.map((r) => r.name).join() === secondName, 'only the new run active', 20_000);
    await until(
      async () => (await eventsOf('forbid')).includes('Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid'),
      'the JobAlreadyActive event',
      20_000,
    );
    assert.equal((await jobsOf('forbid')).length, 1);
    await until(async () => (await eventsOf('replace')).includes(`Normal SuccessfulDelete Deleted job replace-${Math.floor(first / minute)}`), 'the replaced Job deleted');
    await cluster.kubectlOk('delete', 'cronjob', 'forbid', 'replace');
  });

  it('skips runs later than startingDeadlineSeconds and none while suspended', async () => {
    // Created half a minute past a boundary: the last time is already too late.
    clock.jumpTo(nextMinute() + 29_000);
    await create(everyMinute('deadline', 'startingDeadlineSeconds: 15'));
    await create(everyMinute('paused', 'suspend: true'));
    await new Promise((r) => setTimeout(r, 500));
    clock.jumpTo(nextMinute() + 29_000);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await jobsOf('deadline')).length, 0, 'a run 30 s late is skipped');
    const at = nextMinute();
    clock.jumpTo(at);
    await until(async () => (await jobsOf('deadline')).length === 1, 'the run on time', 20_000);
    assert.equal((await jobsOf('paused')).length, 0);
    assert.match(await cluster.kubectlOk('get', 'cronjob', 'paused'), /paused\s+\*\/1 \* \* \* \*\s+<none>\s+True\s+0\s+<none>/);
    await cluster.kubectlOk('delete', 'cronjob', 'deadline', 'paused');
  });

  it('runs a Job made by kubectl create job --from=cronjob/x', async () => {
    await create(everyMinute('template', 'suspend: true'));
    const out = await cluster.kubectlOk('create', 'job', 'manual-run', '--from=cronjob/template');
    assert.match(out, /job.batch\/manual-run created/);
    const job = await jobs.get('default', 'manual-run');
    assert.equal(job.metadata?.annotations?.['cronjob.kubernetes.io/instantiate'], 'manual');
    assert.equal(job.metadata?.ownerReferences?.[0]?.name, 'template');
    await until(async () => complete(await jobs.get('default', 'manual-run')), 'the manual run complete', 20_000);
  });

  it('rejects a bad cron schedule with the upstream message', async () => {
    const bad = await cluster.kubectl.run(['create', 'cronjob', 'bad', '--image=busybox', '--schedule=*/5 * * *']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /error: failed to create cronjob: CronJob.batch "bad" is invalid: spec.schedule: Invalid value: "\*\/5 \* \* \*": expected exactly 5 fields, found 4: \[\*\/5 \* \* \*\]/);
    const zone = await cluster.kubectl.run(['create', '-f', '-'], { input: everyMinute('bad-zone', 'timeZone: Mars/Olympus') });
    assert.notEqual(zone.code, 0);
    assert.match(zone.stderr, /spec.timeZone: Invalid value: "Mars\/Olympus": unknown time zone Mars\/Olympus/);
    await assert.rejects(cronJobs.get('default', 'bad'), /not found/);
  });
});
