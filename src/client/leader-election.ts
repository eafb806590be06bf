// Leader election on a coordination.k8s.io Lease (client-go leaderelection): one holder
// at a time; others take over when the holder has not renewed for leaseDuration, judged
// by their own clock from when they last saw the lease change (so clock skew between
// servers does not matter).
import type { Lease } from 'kubernetes-types/coordination/v1.d.ts';
import { realClock, type Clock } from '../apimachinery/clock.ts';
import type { Clientset } from './clientset.ts';
import { isNotFound } from './errors.ts';
import { microTime } from '../apimachinery/time.ts';

export interface LeaderElectionOptions {
  readonly namespace?: string;
  /** The Lease's name, e.g. kube-scheduler. */
  readonly name: string;
  /** This candidate's identity (host name plus a unique suffix). */
  readonly identity: string;
  readonly leaseDurationMs?: number;
  readonly renewDeadlineMs?: number;
  readonly retryPeriodMs?: number;
  readonly clock?: Clock;
  /** Called once this candidate leads; the signal aborts when leadership is lost or stop() is called. */
  readonly onStartedLeading: (signal: AbortSignal) => void | Promise<void>;
  readonly onStoppedLeading?: () => void;
  readonly onNewLeader?: (identity: string) => void;
}

export class LeaderElector {
  private readonly clientset: Clientset;
  private readonly options: LeaderElectionOptions;
  private readonly clock: Clock;
  private readonly leaseDurationMs: number;
  private readonly renewDeadlineMs: number;
  private readonly retryPeriodMs: number;
  private observed: Lease | undefined;
  private observedAt = 0;
  private stopped = false;
  private leading: AbortController | undefined;
  private cancelTimer: (() => void) | undefined;
  private wake: (() => void) | undefined;
  private running: Promise<void> | undefined;
  /** The current term's onStartedLeading, awaited by stop(). */
  private term: Promise<void> = Promise.resolve();
  private lastLeader = '';

  constructor(clientset: Clientset, options: LeaderElectionOptions) {
    this.clientset = clientset;
    this.options = options;
    this.clock = options.clock ?? realClock;
    this.leaseDurationMs = options.leaseDurationMs ?? 15_000;
    this.renewDeadlineMs = options.renewDeadlineMs ?? 10_000;
    this.retryPeriodMs = options.retryPeriodMs ?? 2_000;
  }

  get isLeader(): boolean {
    return this.leading !== undefined && !this.leading.signal.aborted;
  }

  /** Campaigns in the background: acquire, lead, and when leadership is lost campaign again. */
  start(): this {
    this.running ??= this.run();
    return this;
  }

  /** Stops campaigning; a leader gives the lease up so another can take over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.wake?.();
    await this.running;
    if (this.leading) {
      this.stepDown();
      await this.term;
      await this.release().catch(() => {});
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.cancelTimer = this.clock.setTimer(ms, resolve);
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (!(await this.tryAcquireOrRenew())) {
        await this.sleep(this.retryPeriodMs);
        continue;
      }
      this.leading = new AbortController();
      const signal = this.leading.signal;
      this.term = Promise.resolve()
        .then(() => this.options.onStartedLeading(signal))
        .catch(() => {});
      let lastRenew = this.clock.now();
      while (!this.stopped) {
        await this.sleep(this.retryPeriodMs);
        if (this.stopped) return;
        if (await this.tryAcquireOrRenew()) lastRenew = this.clock.now();
        else if (this.clock.now() - lastRenew >= this.renewDeadlineMs) {
          this.stepDown();
          break;
        }
      }
    }
  }

  private stepDown(): void {
    if (!this.leading) return;
    this.leading.abort();
    this.leading = undefined;
    this.options.onStoppedLeading?.();
  }

  private leaseClient() {
    return this.clientset.leases;
  }

  private namespace(): string {
    return this.options.namespace ?? 'kube-system';
  }

  private record(lease: Lease): void {
    const holder = lease.spec?.holderIdentity ?? '';
    if (!this.observed || this.observed.metadata?.resourceVersion !== lease.metadata?.resourceVersion) {
      this.observed = lease;
      this.observedAt = this.clock.now();
    }
    if (holder && holder !== this.lastLeader) {
      this.lastLeader = holder;
      this.options.onNewLeader?.(holder);
    }
  }

  /** One attempt: create the lease, renew ours, or take over an expired one. */
  private async tryAcquireOrRenew(): Promise<boolean> {
    const { identity, name } = this.options;
    const now = microTime(this.clock.now());
    const durationSeconds = Math.ceil(this.leaseDurationMs / 1000);
    try {
      let current: Lease;
      try {
        current = await this.leaseClient().get(this.namespace(), name);
      } catch (error) {
        if (!isNotFound(error)) return false;
        const created = await this.leaseClient().create({
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: { name, namespace: this.namespace() },
          spec: { holderIdentity: identity, leaseDurationSeconds: durationSeconds, acquireTime: now, renewTime: now, leaseTransitions: 0 },
        });
        this.record(created);
        return true;
      }
      this.record(current);
      const spec = current.spec ?? {};
      const holder = spec.holderIdentity ?? '';
      const ours = holder === identity;
      const expired = !holder || this.clock.now() > this.observedAt + (spec.leaseDurationSeconds ?? durationSeconds) * 1000;
      if (!ours && !expired) return false;
      const updated = await this.leaseClient().update({
        ...current,
        spec: {
          ...spec,
          holderIdentity: identity,
          leaseDurationSeconds: durationSeconds,
          renewTime: now,
          acquireTime: ours ? spec.acquireTime ?? now : now,
          leaseTransitions: (spec.leaseTransitions ?? 0) + (ours ? 0 : 1),
        },
      });
      this.record(updated);
      return true;
    } catch {
      // Conflicts (another candidate wrote first) and transient errors alike: try again next period.
      return false;
    }
  }

  private async release(): Promise<void> {
    const current = await this.leaseClient().get(this.namespace(), this.options.name);
    if (current.spec?.holderIdentity !== this.options.identity) return;
    await this.leaseClient().update({ ...current, spec: { ...current.spec, holderIdentity: '', leaseDurationSeconds: 1 } });
  }
}
