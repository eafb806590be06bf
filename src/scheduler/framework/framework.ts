/**
 * Runs a profile of plugins at each extension point (upstream frameworkImpl). Plugins are
 * sorted into extension points by the methods they have; a plugin that returns Skip at
 * PreFilter (PreScore) is left out of Filter (Score) for that pod. Statuses leaving the
 * framework carry the name of the plugin that produced them.
 */
import { CycleState } from './cycle-state.ts';
import {
  type BindPlugin,
  type ClusterEvent,
  type EnqueueExtensions,
  type FilterPlugin,
  type FrameworkHandle,
  type NodeInfoLister,
  type NodeToStatus,
  type PermitPlugin,
  type Plugin,
  type PodNominator,
  type PostFilterPlugin,
  type PostFilterResult,
  type PreBindPlugin,
  type PreFilterPlugin,
  PreFilterResult,
  type PreScorePlugin,
  type ReservePlugin,
  type ScorePlugin,
  maxNodeScore,
} from './interfaces.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import { Status, asStatus } from './status.ts';

/** A plugin with its score weight (upstream profile config; weight 1 when unset). */
export interface PluginEntry {
  plugin: Plugin;
  weight?: number;
}

export interface FrameworkOptions {
  plugins: readonly PluginEntry[];
  /** Percentage of nodes to score; 0 or undefined for upstream's adaptive default. */
  percentageOfNodesToScore?: number;
  nominator?: PodNominator;
  random?: () => number;
}

const has = <T extends Plugin>(p: Plugin, method: string): p is T => typeof (p as unknown as Record<string, unknown>)[method] === 'function';

/** `plugins` less those named in `skip` (the same array when none is skipped). */
const withoutSkipped = <T extends Plugin>(plugins: readonly T[], skip: ReadonlySet<string>): readonly T[] =>
  skip.size === 0 ? plugins : plugins.filter((p) => !skip.has(p.name));

/** Scores node by node, for a plugin without `scoreNodes`. */
function scoreEach(pl: ScorePlugin, state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], scores: Float64Array): Status | null {
  for (let i = 0; i < nodes.length; i++) {
    const s = pl.score(state, pod, nodes[i]!);
    if (typeof s !== 'number') return s;
    scores[i] = s;
  }
  return null;
}

export class Framework {
  readonly plugins: readonly Plugin[];
  readonly preFilterPlugins: PreFilterPlugin[] = [];
  readonly filterPlugins: FilterPlugin[] = [];
  readonly postFilterPlugins: PostFilterPlugin[] = [];
  readonly preScorePlugins: PreScorePlugin[] = [];
  readonly scorePlugins: ScorePlugin[] = [];
  readonly reservePlugins: ReservePlugin[] = [];
  readonly permitPlugins: PermitPlugin[] = [];
  readonly preBindPlugins: PreBindPlugin[] = [];
  readonly bindPlugins: BindPlugin[] = [];
  readonly weights = new Map<string, number>();
  readonly percentageOfNodesToScore: number;
  nominator: PodNominator | undefined;
  readonly random: () => number;
  private scoreBuffer = new Float64Array(0);

  constructor(options: FrameworkOptions) {
    this.plugins = options.plugins.map((e) => e.plugin);
    this.percentageOfNodesToScore = options.percentageOfNodesToScore ?? 0;
    this.nominator = options.nominator;
    this.random = options.random ?? Math.random;
    for (const { plugin: p, weight } of options.plugins) {
      this.weights.set(p.name, weight ?? 1);
      if (has<PreFilterPlugin>(p, 'preFilter')) this.preFilterPlugins.push(p);
      if (has<FilterPlugin>(p, 'filter')) this.filterPlugins.push(p);
      if (has<PostFilterPlugin>(p, 'postFilter')) this.postFilterPlugins.push(p);
      if (has<PreScorePlugin>(p, 'preScore')) this.preScorePlugins.push(p);
      if (has<ScorePlugin>(p, 'score')) this.scorePlugins.push(p);
      if (has<ReservePlugin>(p, 'reserve')) this.reservePlugins.push(p);
      if (has<PermitPlugin>(p, 'permit')) this.permitPlugins.push(p);
      if (has<PreBindPlugin>(p, 'preBind')) this.preBindPlugins.push(p);
      if (has<BindPlugin>(p, 'bind')) this.bindPlugins.push(p);
    }
  }

  /**
   * For each cluster event, the plugins that registered it (upstream EventsToRegister).
   * Plugins without EnqueueExtensions count as interested in every event.
   */
  eventsToPlugins(): Map<ClusterEvent, Set<string>> {
    const out = new Map<ClusterEvent, Set<string>>();
    const all: ClusterEvent[] = ['NodeAdd', 'NodeUpdate', 'NodeDelete', 'AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete', 'UnscheduledPodUpdate'];
    for (const p of this.plugins) {
      const events = has<EnqueueExtensions>(p, 'eventsToRegister') ? p.eventsToRegister() : all;
      for (const e of events) {
        let set = out.get(e);
        if (!set) out.set(e, (set = new Set()));
        set.add(p.name);
      }
    }
    return out;
  }

  /**
   * Runs every PreFilter plugin. A rejection stops at once (status carries the plugin);
   * results narrowing the nodes are intersected.
   */
  runPreFilterPlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): { result?: PreFilterResult; status: Status | null; narrowedBy: string[] } {
    let result: PreFilterResult | undefined;
    const narrowedBy: string[] = [];
    for (const pl of this.preFilterPlugins) {
      const r = pl.preFilter(state, pod, nodes);
      if (r instanceof PreFilterResult) {
        narrowedBy.push(pl.name);
        result = result ? new PreFilterResult([...result.nodeNames].filter((n) => r.nodeNames.has(n))) : r;
        if (result.nodeNames.size === 0) {
          const msg = `node(s) didn't satisfy plugin(s) [${narrowedBy.join(' ')}] simultaneously`;
          return { status: new Status('UnschedulableAndUnresolvable', [msg], narrowedBy.length === 1 ? pl.name : ''), narrowedBy };
        }
        continue;
      }
      if (!r || r.code === 'Success') continue;
      if (r.code === 'Skip') {
        state.skipFilterPlugins.add(pl.name);
        state.filterPlugins = undefined;
        continue;
      }
      if (r.isRejected()) return { status: r.withPlugin(pl.name), narrowedBy };
      return { status: new Status('Error', [`running PreFilter plugin "${pl.name}": ${r.message()}`], pl.name), narrowedBy };
    }
    return { result, status: null, narrowedBy };
  }

  /** Runs the Filter plugins not skipped; the first failure is returned with its plugin. */
  runFilterPlugins(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const plugins = (state.filterPlugins ??= withoutSkipped(this.filterPlugins, state.skipFilterPlugins));
    for (let i = 0; i < plugins.length; i++) {
      const pl = plugins[i]!;
      const s = pl.filter(state, pod, nodeInfo);
      if (s && s.code !== 'Success') {
        if (s.isRejected()) return s.withPlugin(pl.name);
        return new Status('Error', [`running "${pl.name}" filter plugin: ${s.message()}`], pl.name);
      }
    }
    return null;
  }

  /**
   * Filters with the nominated pods of equal or higher priority placed on the node first,
   * then without them, as upstream: a pod must fit in both worlds.
   */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const nominated = this.nominator?.nominatedPodsForNode(nodeInfo.name);
    if (!nominated || nominated.length === 0) return this.runFilterPlugins(state, pod, nodeInfo);
    let stateWith: CycleState | undefined;
    let nodeWith: NodeInfo | undefined;
    for (const np of nominated) {
      if (np.priority < pod.priority || np.key === pod.key) continue;
      stateWith ??= state.clone();
      nodeWith ??= nodeInfo.clone();
      nodeWith.addPod(np);
      const s = this.runPreFilterExtensionAddPod(stateWith, pod, np, nodeWith);
      if (s) return s;
    }
    if (!stateWith || !nodeWith) return this.runFilterPlugins(state, pod, nodeInfo);
    const first = this.runFilterPlugins(stateWith, pod, nodeWith);
    if (first) return first;
    return this.runFilterPlugins(state, pod, nodeInfo);
  }

  runPreFilterExtensionAddPod(state: CycleState, pod: PodInfo, added: PodInfo, nodeInfo: NodeInfo): Status | null {
    return this.runPreFilterExtension('AddPod', state, pod, added, nodeInfo);
  }

  runPreFilterExtensionRemovePod(state: CycleState, pod: PodInfo, removed: PodInfo, nodeInfo: NodeInfo): Status | null {
    return this.runPreFilterExtension('RemovePod', state, pod, removed, nodeInfo);
  }

  private runPreFilterExtension(op: 'AddPod' | 'RemovePod', state: CycleState, pod: PodInfo, other: PodInfo, nodeInfo: NodeInfo): Status | null {
    for (const pl of this.preFilterPlugins) {
      const fn = op === 'AddPod' ? pl.addPod : pl.removePod;
      if (!fn || state.skipFilterPlugins.has(pl.name)) continue;
      const s = fn.call(pl, state, pod, other, nodeInfo);
      if (s && !s.isSuccess()) return new Status('Error', [`running ${op} on PreFilter plugin "${pl.name}": ${s.message()}`], pl.name);
    }
    return null;
  }

  /** Runs PostFilter plugins until one succeeds; rejections' reasons are gathered as upstream. */
  runPostFilterPlugins(state: CycleState, pod: PodInfo, nodeToStatus: NodeToStatus, snapshot: NodeInfoLister): { result?: PostFilterResult; status: Status } {
    const handle = this.handle(snapshot);
    const reasons: string[] = [];
    let rejector = '';
    for (const pl of this.postFilterPlugins) {
      let out: { result?: PostFilterResult; status: Status | null };
      try {
        out = pl.postFilter(state, pod, nodeToStatus, handle);
      } catch (err) {
        return { status: asStatus(err).withPlugin(pl.name) };
      }
      const s = out.status;
      if (!s || s.isSuccess()) return { result: out.result, status: new Status('Success', [], pl.name) };
      if (s.code === 'UnschedulableAndUnresolvable') return { result: out.result, status: s.withPlugin(pl.name) };
      if (!s.isRejected()) return { status: new Status('Error', s.reasons, pl.name) };
      reasons.push(...s.reasons);
      rejector ||= pl.name;
    }
    return { status: new Status('Unschedulable', reasons, rejector) };
  }

  /** The handle given to PostFilter plugins. */
  handle(snapshot: NodeInfoLister): FrameworkHandle {
    return {
      snapshot,
      runFilterPluginsWithNominatedPods: (s, p, n) => this.runFilterPluginsWithNominatedPods(s, p, n),
      runPreFilterExtensionAddPod: (s, p, a, n) => this.runPreFilterExtensionAddPod(s, p, a, n),
      runPreFilterExtensionRemovePod: (s, p, r, n) => this.runPreFilterExtensionRemovePod(s, p, r, n),
      random: this.random,
    };
  }

  runPreScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | null {
    for (const pl of this.preScorePlugins) {
      const s = pl.preScore(state, pod, nodes);
      if (!s || s.code === 'Success') continue;
      if (s.code === 'Skip') {
        state.skipScorePlugins.add(pl.name);
        state.scorePlugins = undefined;
        continue;
      }
      return new Status('Error', [`running PreScore plugin "${pl.name}": ${s.message()}`], pl.name);
    }
    return null;
  }

  /**
   * Scores `nodes` with every Score plugin not skipped, normalizes, applies the weights and
   * returns the totals (parallel to `nodes`), or an Error status.
   */
  runScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Float64Array | Status {
    const n = nodes.length;
    const totals = new Float64Array(n);
    // One plugin's scores at a time, in a buffer kept across cycles (a typed array this size
    // has its storage outside the heap, costly to allocate per pod).
    if (this.scoreBuffer.length < n) this.scoreBuffer = new Float64Array(Math.max(n, 2 * this.scoreBuffer.length));
    const scores = this.scoreBuffer.length === n ? this.scoreBuffer : this.scoreBuffer.subarray(0, n);
    for (const pl of (state.scorePlugins ??= withoutSkipped(this.scorePlugins, state.skipScorePlugins))) {
      const failed = pl.scoreNodes ? pl.scoreNodes(state, pod, nodes, scores) : scoreEach(pl, state, pod, nodes, scores);
      if (failed) return new Status('Error', [`running Score plugin "${pl.name}": ${failed.message()}`], pl.name);
      if (pl.normalizeScore) {
        const s = pl.normalizeScore(state, pod, nodes, scores);
        if (s && !s.isSuccess()) return new Status('Error', [`running Normalize on Score plugin "${pl.name}": ${s.message()}`], pl.name);
      }
      const weight = this.weights.get(pl.name) ?? 1;
      for (let i = 0; i < n; i++) {
        const s = scores[i]!;
        if (s > maxNodeScore || s < 0) return new Status('Error', [`plugin "${pl.name}" returns an invalid score ${s}, it should in the range of [0, ${maxNodeScore}] after normalizing`], pl.name);
        totals[i]! += s * weight;
      }
    }
    return totals;
  }

  /** Runs Reserve plugins; on a failure, unreserves them all (in reverse) and returns it. */
  runReservePluginsReserve(state: CycleState, pod: PodInfo, nodeName: string): Status | null {
    for (const pl of this.reservePlugins) {
      const s = pl.reserve(state, pod, nodeName);
      if (s && !s.isSuccess()) {
        this.runReservePluginsUnreserve(state, pod, nodeName);
        return s.isRejected() ? s.withPlugin(pl.name) : new Status('Error', [`running Reserve plugin "${pl.name}": ${s.message()}`], pl.name);
      }
    }
    return null;
  }

  runReservePluginsUnreserve(state: CycleState, pod: PodInfo, nodeName: string): void {
    for (let i = this.reservePlugins.length - 1; i >= 0; i--) this.reservePlugins[i]!.unreserve(state, pod, nodeName);
  }

  /** Runs Permit plugins: a rejection returns at once; Wait returns the longest wait asked. */
  runPermitPlugins(state: CycleState, pod: PodInfo, nodeName: string): { status: Status | null; timeoutMs: number } {
    let timeoutMs = 0;
    let wait = false;
    for (const pl of this.permitPlugins) {
      const { status: s, timeoutMs: t } = pl.permit(state, pod, nodeName);
      if (!s || s.isSuccess()) continue;
      if (s.isRejected()) return { status: s.withPlugin(pl.name), timeoutMs: 0 };
      if (s.code === 'Wait') {
        wait = true;
        timeoutMs = Math.max(timeoutMs, Math.min(t ?? 0, 15 * 60_000));
        continue;
      }
      return { status: new Status('Error', [`running Permit plugin "${pl.name}": ${s.message()}`], pl.name), timeoutMs: 0 };
    }
    return { status: wait ? new Status('Wait') : null, timeoutMs };
  }

  runPreBindPlugins(state: CycleState, pod: PodInfo, nodeName: string): Status | null {
    for (const pl of this.preBindPlugins) {
      const s = pl.preBind(state, pod, nodeName);
      if (s && !s.isSuccess()) return s.isRejected() ? s.withPlugin(pl.name) : new Status('Error', [`running PreBind plugin "${pl.name}": ${s.message()}`], pl.name);
    }
    return null;
  }

  /** Runs Bind plugins until one does not Skip. Returns Skip when every one did. */
  runBindPlugins(state: CycleState, pod: PodInfo, nodeName: string): Status | null {
    for (const pl of this.bindPlugins) {
      const s = pl.bind(state, pod, nodeName);
      if (s?.code === 'Skip') continue;
      return s && !s.isSuccess() ? s.withPlugin(pl.name) : null;
    }
    return new Status('Skip');
  }

  /** A fresh CycleState for one pod. */
  newCycleState(): CycleState {
    return new CycleState();
  }
}
