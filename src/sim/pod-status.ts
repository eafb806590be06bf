// What a kubelet would report for a pod on a hollow node, as a pure function of the
// pod, when it started and the time now. Containers follow one timeline: they run for
// the pod's run time, exit with its exit code, and restart as the restart policy says
// (at once after the first exit, then after a CrashLoopBackOff that doubles). Because
// the status depends only on these inputs, the simulator can recompute it at any
// moment and write only when it differs from what the API holds.
import { createHash } from 'node:crypto';
import { formatDuration } from '../apimachinery/duration.ts';
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1.d.ts';
import { rfc3339 } from '../apimachinery/time.ts';

/** Annotations a pod may carry to steer its simulated containers. */
export const simAnnotations = {
  /** How long each container runs before it exits, in seconds; "0" means forever. */
  runSeconds: 'sim.kubets.io/run-seconds',
  /** The exit code containers exit with when their run time is over (default 0). */
  exitCode: 'sim.kubets.io/exit-code',
} as const;

export interface PodTiming {
  /** Run time of restartPolicy Never/OnFailure pods without the run-seconds annotation (about a second). */
  readonly defaultRunMs: number;
  /** The first CrashLoopBackOff wait; it doubles per restart up to backoffMaxMs (upstream 10 s and 5 min). */
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
}

export const defaultPodTiming: PodTiming = { defaultRunMs: 1000, backoffBaseMs: 10_000, backoffMaxMs: 300_000 };

export interface PodContext {
  /** When the pod started on its node (status.startTime), in ms. */
  readonly startTime: number;
  readonly now: number;
  readonly podIP: string;
  readonly hostIP: string;
  /** When the simulator saw the pod's deletion: running containers stop at that moment. */
  readonly terminatingSince?: number;
}

export interface SimulatedStatus {
  readonly status: PodStatus;
  /** When the status changes next on its own (a probe passes, a container exits or restarts). */
  readonly nextChangeAt: number | undefined;
}

/** metav1.Time: RFC 3339 in whole seconds. */

/**
 * `fn` remembering its answers: the simulator recomputes a pod's status at each of its
 * events, with the same image and container IDs each time. It starts over when full.
 */
function memoized(fn: (text: string) => string): (text: string) => string {
  const answers = new Map<string, string>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      if (answers.size >= 20_000) answers.clear();
      answers.set(text, (answer = fn(text)));
    }
    return answer;
  };
}

const hex64 = memoized((text) => createHash('sha256').update(text).digest('hex'));

/** How a pod's containers behave: from its restart policy and annotations. */
export interface ContainerPlan {
  /** undefined: runs until the pod is deleted. */
  readonly runMs: number | undefined;
  readonly exitCode: number;
  readonly restartPolicy: 'Always' | 'OnFailure' | 'Never';
}

export function containerPlan(pod: Pod, timing: PodTiming = defaultPodTiming): ContainerPlan {
  const restartPolicy = (pod.spec?.restartPolicy ?? 'Always') as ContainerPlan['restartPolicy'];
  const annotations = pod.metadata?.annotations ?? {};
  const seconds = Number(annotations[simAnnotations.runSeconds]);
  const exitCode = Number(annotations[simAnnotations.exitCode] ?? 0);
  let runMs: number | undefined;
  if (Number.isFinite(seconds) && seconds > 0) runMs = seconds * 1000;
  else if (annotations[simAnnotations.runSeconds] === undefined && restartPolicy !== 'Always') runMs = timing.defaultRunMs;
  return { runMs, exitCode: Number.isInteger(exitCode) ? exitCode : 1, restartPolicy };
}

/** Where one container is on its timeline at a moment. */
interface ContainerPhase {
  readonly state: 'running' | 'waiting' | 'terminated';
  readonly restartCount: number;
  /** The current run (running), or the run that ended (waiting, terminated). */
  readonly runStart: number;
  readonly runEnd: number | undefined;
  /** The run before the current one, while running again after a restart. */
  readonly previous: { start: number; end: number } | undefined;
  readonly backoffMs: number;
  readonly nextChangeAt: number | undefined;
}

/** Walks the run / exit / back-off timeline of a container that started at t0. */
function containerPhaseAt(plan: ContainerPlan, timing: PodTiming, t0: number, now: number): ContainerPhase {
  const restarts = plan.restartPolicy === 'Always' || (plan.restartPolicy === 'OnFailure' && plan.exitCode !== 0);
  let previous: { start: number; end: number } | undefined;
  let start = t0;
  for (let k = 0; ; k++) {
    if (plan.runMs === undefined || now < start + plan.runMs) {
      return { state: 'running', restartCount: k, runStart: start, runEnd: undefined, previous, backoffMs: 0, nextChangeAt: plan.runMs === undefined ? undefined : start + plan.runMs };
    }
    const end = start + plan.runMs;
    if (!restarts) return { state: 'terminated', restartCount: k, runStart: start, runEnd: end, previous, backoffMs: 0, nextChangeAt: undefined };
    // client-go's backoff as the kubelet uses it: the first restart is immediate, then 10 s, 20 s, ...
    const backoffMs = k === 0 ? 0 : Math.min(timing.backoffMaxMs, timing.backoffBaseMs * 2 ** (k - 1));
    const next = end + backoffMs;
    if (now < next) return { state: 'waiting', restartCount: k, runStart: start, runEnd: end, previous, backoffMs, nextChangeAt: next };
    previous = { start, end };
    start = next;
  }
}

function terminatedState(plan: ContainerPlan, containerID: string, start: number, end: number, exitCode = plan.exitCode): ContainerState {
  return { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: rfc3339(start), finishedAt: rfc3339(end), containerID } };
}

/** The image ID containerd would report: the repository with a digest (made up from the reference). */
export const imageID = memoized((image) => {
  const repository = image.split('@')[0]!.replace(/:[^/:]+$/, '');
  const first = repository.split('/')[0]!;
  const qualified = !repository.includes('/') ? `docker.io/library/${repository}` : /[.:]/.test(first) || first === 'localhost' ? repository : `docker.io/${repository}`;
  return `${qualified}@sha256:${hex64(image)}`;
});

const delaySeconds = (probe: Container['readinessProbe']) => (probe ? (probe.initialDelaySeconds ?? 0) * 1000 : 0);

interface ContainerResult {
  readonly status: ContainerStatus;
  readonly ready: boolean;
  /** When the container's readiness took its current value. */
  readonly readySince: number;
  readonly nextChangeAt: number | undefined;
  readonly exitCode: number | undefined;
}

function containerResult(pod: Pod, container: Container, plan: ContainerPlan, timing: PodTiming, ctx: PodContext): ContainerResult {
  const uid = pod.metadata?.uid ?? '';
  const at = ctx.terminatingSince === undefined ? ctx.now : Math.min(ctx.now, ctx.terminatingSince);
  const phase = containerPhaseAt(plan, timing, ctx.startTime, at);
  const id = (run: number) => `containerd://${hex64(`${uid}/${container.name}/${run}`)}`;
  const base = { name: container.name, image: container.image ?? '', imageID: imageID(container.image ?? ''), restartCount: phase.restartCount };
  const lastState: ContainerState = phase.previous ? terminatedState(plan, id(phase.restartCount - 1), phase.previous.start, phase.previous.end) : {};
  if (ctx.terminatingSince !== undefined && phase.state !== 'terminated') {
    // Deleted: a running container stops on SIGTERM (exit 0); a waiting one keeps its last exit.
    const end = ctx.terminatingSince;
    const state = phase.state === 'running' ? terminatedState(plan, id(phase.restartCount), phase.runStart, end, 0) : terminatedState(plan, id(phase.restartCount), phase.runStart, phase.runEnd!);
    const exitCode = state.terminated!.exitCode;
    return { status: { ...base, containerID: id(phase.restartCount), state, lastState, ready: false, started: false }, ready: false, readySince: end, nextChangeAt: undefined, exitCode };
  }
  if (phase.state === 'running') {
    const startedAt = phase.runStart + delaySeconds(container.startupProbe);
    const readyAt = Math.max(startedAt, phase.runStart + delaySeconds(container.readinessProbe));
    const ready = at >= readyAt;
    const started = at >= startedAt;
    const nextChangeAt = [startedAt, readyAt, phase.nextChangeAt].filter((t): t is number => t !== undefined && t > at).reduce((a, b) => Math.min(a, b), Infinity);
    return {
      status: { ...base, containerID: id(phase.restartCount), state: { running: { startedAt: rfc3339(phase.runStart) } }, lastState, ready, started },
      ready,
      readySince: ready ? readyAt : (phase.previous?.end ?? ctx.startTime),
      nextChangeAt: Number.isFinite(nextChangeAt) ? nextChangeAt : undefined,
      exitCode: undefined,
    };
  }
  if (phase.state === 'waiting') {
    const message = `back-off ${formatDuration(BigInt(Math.round(phase.backoffMs)) * 1_000_000n)} restarting failed container=${container.name} pod=${pod.metadata?.name}_${pod.metadata?.namespace}(${uid})`;
    return {
      status: { ...base, state: { waiting: { reason: 'CrashLoopBackOff', message } }, lastState: terminatedState(plan, id(phase.restartCount), phase.runStart, phase.runEnd!), ready: false, started: false },
      ready: false,
      readySince: phase.runEnd!,
      nextChangeAt: phase.nextChangeAt,
      exitCode: undefined,
    };
  }
  return {
    status: { ...base, containerID: id(phase.restartCount), state: terminatedState(plan, id(phase.restartCount), phase.runStart, phase.runEnd!), lastState, ready: false, started: false },
    ready: false,
    readySince: phase.runEnd!,
    nextChangeAt: undefined,
    exitCode: plan.exitCode,
  };
}

/** Init containers ran and completed in the instant the pod started; sidecars (restartPolicy Always) keep running. */
function initContainerStatus(pod: Pod, container: Container, ctx: PodContext, terminal: boolean): ContainerStatus {
  const id = `containerd://${hex64(`${pod.metadata?.uid ?? ''}/init/${container.name}`)}`;
  const base = { name: container.name, image: container.image ?? '', imageID: imageID(container.image ?? ''), containerID: id, restartCount: 0, lastState: {} };
  if (container.restartPolicy === 'Always' && !terminal) return { ...base, state: { running: { startedAt: rfc3339(ctx.startTime) } }, ready: true, started: true };
  const end = container.restartPolicy === 'Always' ? (ctx.terminatingSince ?? ctx.now) : ctx.startTime;
  return { ...base, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: rfc3339(ctx.startTime), finishedAt: rfc3339(end), containerID: id } }, ready: false, started: false };
}

const goList = (names: string[]) => `[${names.join(' ')}]`;

/** The status a kubelet would post for the pod at ctx.now (conditions carry upstream's reasons). */
export function simulatePodStatus(pod: Pod, ctx: PodContext, timing: PodTiming = defaultPodTiming): SimulatedStatus {
  const plan = containerPlan(pod, timing);
  const containers = (pod.spec?.containers ?? []).map((c) => containerResult(pod, c, plan, timing, ctx));
  const allTerminated = containers.length > 0 && containers.every((c) => c.exitCode !== undefined);
  const phase = allTerminated ? (containers.every((c) => c.exitCode === 0) ? 'Succeeded' : 'Failed') : 'Running';
  const terminal = phase !== 'Running';
  const endedAt = Math.max(ctx.startTime, ...containers.map((c) => c.readySince));
  const start = rfc3339(ctx.startTime);
  const unready = (pod.spec?.containers ?? []).filter((_, i) => !containers[i]!.ready).map((c) => c.name);
  const readySince = rfc3339(Math.max(ctx.startTime, ...containers.map((c) => c.readySince)));
  const readiness = (type: string): PodCondition =>
    terminal
      ? { type, status: 'False', reason: phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed', lastTransitionTime: rfc3339(endedAt) }
      : unready.length > 0
        ? { type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: ${goList(unready)}`, lastTransitionTime: readySince }
        : { type, status: 'True', lastTransitionTime: readySince };
  const initContainers = pod.spec?.initContainers ?? [];
  const conditions: PodCondition[] = [
    terminal ? { type: 'PodReadyToStartContainers', status: 'False', lastTransitionTime: rfc3339(endedAt) } : { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: start },
    { type: 'Initialized', status: 'True', ...(phase === 'Succeeded' && initContainers.length > 0 ? { reason: 'PodCompleted' } : {}), lastTransitionTime: start },
    readiness('Ready'),
    readiness('ContainersReady'),
    { type: 'PodScheduled', status: 'True', lastTransitionTime: start },
  ];
  const status: PodStatus = {
    phase,
    conditions,
    hostIP: ctx.hostIP,
    hostIPs: [{ ip: ctx.hostIP }],
    podIP: ctx.podIP,
    podIPs: [{ ip: ctx.podIP }],
    startTime: start,
    ...(initContainers.length > 0 ? { initContainerStatuses: initContainers.map((c) => initContainerStatus(pod, c, ctx, terminal)) } : {}),
    containerStatuses: containers.map((c) => c.status),
  };
  const next = containers.map((c) => c.nextChangeAt).filter((t): t is number => t !== undefined);
  return { status, nextChangeAt: next.length > 0 ? Math.min(...next) : undefined };
}

/**
 * The conditions to write: the simulated ones, each keeping the transition time the API
 * already holds when its status is unchanged, or taking `now` when the status differs
 * (another component, such as the node lifecycle controller, changed it); conditions
 * the simulator does not own (DisruptionTarget...) are kept.
 */
export function mergeConditions<C extends { type: string; status: string; lastTransitionTime?: string }>(desired: readonly C[], current: readonly C[] | undefined, now: number): C[] {
  const merged = desired.map((c) => {
    const old = current?.find((o) => o.type === c.type);
    if (!old) return c;
    return { ...c, lastTransitionTime: old.status === c.status ? (old.lastTransitionTime ?? c.lastTransitionTime) : rfc3339(now) };
  });
  for (const c of current ?? []) if (!desired.some((d) => d.type === c.type)) merged.push(c);
  return merged;
}

/** Whether every field of `want` is in `have` with the same value (arrays element by element, same length). */
export function isSubset(want: unknown, have: unknown): boolean {
  if (want === have) return true;
  if (Array.isArray(want)) {
    if (!Array.isArray(have) || have.length !== want.length) return false;
    for (let i = 0; i < want.length; i++) if (!isSubset(want[i], have[i])) return false;
    return true;
  }
  if (!want || typeof want !== 'object') return false;
  if (!have || typeof have !== 'object' || Array.isArray(have)) return have === undefined && Object.keys(want).length === 0;
  for (const key in want) {
    const value = (want as Record<string, unknown>)[key];
    if (value !== undefined && !isSubset(value, (have as Record<string, unknown>)[key])) return false;
  }
  return true;
}
