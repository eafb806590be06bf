import type { ApiObject } from '../watch-cache.ts';

/**
 * Per-resource behaviour plugged into the generic registry (DESIGN.md, example 3), as
 * upstream's rest.RESTCreateStrategy/RESTUpdateStrategy. Every hook is optional; the
 * registry does the generic work (metadata, preconditions, storage, watch).
 */
export interface Strategy {
  /** Fills upstream's defaults in place (after decoding, on create and update). */
  defaults?(object: ApiObject): void;
  /** Clears what a create may not set (usually status) and sets initial state. */
  prepareForCreate?(object: ApiObject): void;
  /**
   * Admission for a new object (after defaults, before validation): may change it or
   * refuse it with an ApiError (pods: default tolerations, priority, limit ranges;
   * every namespaced kind: resource quota, which a dry run checks without charging).
   */
  admitCreate?(object: ApiObject, options?: { readonly dryRun?: boolean }): Promise<void>;
  /** Carries over what an update of the main resource may not change (usually status). */
  prepareForUpdate?(object: ApiObject, old: ApiObject): void;
  /** Field values field selectors can use besides metadata.name and metadata.namespace. */
  selectableFields?(object: ApiObject): Record<string, string>;
  /**
   * Graceful deletion: returns the grace period to wait before the object may go
   * (pods on a node), or 0 to delete at once.
   */
  gracePeriodSeconds?(object: ApiObject, requested: number | undefined): number;
  /**
   * Whether an object being deleted must still wait, besides its metadata.finalizers
   * (a namespace waits for spec.finalizers); may mark the object (phase Terminating) by
   * replacing its top-level fields: below them it shares the stored, read-only object.
   */
  deletionPending?(object: ApiObject): boolean;
  /**
   * Claims what the object needs from shared pools (a service's cluster IP and node
   * ports) before it is stored; returns how to give them back if the write fails.
   */
  allocate?(object: ApiObject, old: ApiObject | undefined): Promise<() => Promise<void>>;
  /** Gives back what a deleted object held. */
  release?(object: ApiObject): Promise<void>;
  /** Gives back what an update dropped (a service's old node ports, its IP when it became ExternalName). */
  afterUpdate?(object: ApiObject, old: ApiObject): Promise<void>;
  /** Status subresource: the main endpoint keeps the stored status, /status keeps the stored spec. */
  readonly hasStatus?: boolean;
  /** Bump metadata.generation when the spec changes (most resources with a spec). */
  readonly tracksGeneration?: boolean;
  /** A PUT without resourceVersion overwrites (true for most built-ins). */
  readonly allowUnconditionalUpdate?: boolean;
  /** A PUT of a missing object creates it. */
  readonly allowCreateOnUpdate?: boolean;
  /** DELETE answers with the deleted object instead of a Success Status. */
  readonly returnDeletedObject?: boolean;
  /** The propagation policy when the client names none. */
  readonly defaultPropagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  /** Writes expire after this many seconds (events: one hour). */
  readonly ttlSeconds?: number;
}

/** The behaviour of a resource with no strategy of its own. */
export const defaultStrategy: Strategy = {
  allowUnconditionalUpdate: true,
};
