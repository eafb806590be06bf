// Node selector terms against nodes (upstream component-helpers nodeaffinity): terms are
// ORed, a term's expressions and fields ANDed, an empty term matches nothing.
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, PodSpec } from 'kubernetes-types/core/v1.d.ts';
import type { Labels } from '../../apimachinery/labels.ts';

const emptyLabels: Labels = Object.freeze({});
const isInt64 = (s: string) => /^[+-]?\d+$/.test(s);

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1 || !isInt64(value) || !isInt64(values[0]!)) return false;
      return r.operator === 'Gt' ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
    default:
      return false;
  }
}

/** Whether a node (its labels and name) matches one selector term. */
export function termMatchesNode(term: NodeSelectorTerm, labels: Labels, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const r of exprs) if (!requirementMatches(r, Object.prototype.hasOwnProperty.call(labels, r.key) ? labels[r.key] : undefined)) return false;
  for (const r of fields) {
    if (r.key !== 'metadata.name') return false;
    if (!requirementMatches(r, nodeName)) return false;
  }
  return true;
}

/** Whether a node matches any of the terms. */
export function termsMatchNode(terms: readonly NodeSelectorTerm[], labels: Labels, nodeName: string): boolean {
  for (const t of terms) if (termMatchesNode(t, labels, nodeName)) return true;
  return false;
}

/** Whether the node satisfies a pod spec's nodeSelector and required node affinity (upstream GetRequiredNodeAffinity(pod).Match(node)). */
export function podSpecMatchesNode(spec: PodSpec | undefined, node: Node): boolean {
  const labels = node.metadata?.labels ?? emptyLabels;
  const selector = spec?.nodeSelector;
  if (selector) for (const k in selector) if (labels[k] !== selector[k]) return false;
  const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) return termsMatchNode(required.nodeSelectorTerms ?? [], labels, node.metadata?.name ?? '');
  return true;
}
