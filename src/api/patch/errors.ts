/**
 * The errors a patch can fail with, carrying the HTTP status, reason and message that
 * upstream's kube-apiserver answers with (k8s.io/apiserver/pkg/endpoints/handlers/patch.go
 * and k8s.io/apimachinery/pkg/api/errors). The API server turns one into a Status as is:
 * `toStatus()` gives the exact body.
 */
import { FieldPath, invalid, invalidMessage, statusCause } from '../../apimachinery/field.ts';

export interface PatchStatusDetails {
  readonly causes?: ReadonlyArray<{ readonly reason?: string; readonly message?: string; readonly field?: string }>;
}

export interface PatchStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason?: string;
  details?: PatchStatusDetails;
  code: number;
}

export class PatchError extends Error {
  /** HTTP status code. */
  readonly code: number;
  /** metav1.StatusReason; '' (upstream's StatusReasonUnknown) is left out of the Status. */
  readonly reason: string;
  /** Status details; `{}` where upstream sends an empty details object. */
  readonly details: PatchStatusDetails | undefined;
  /**
   * The underlying upstream error text when the Status message hides it (JSON patch
   * failures answer a generic 422 message): for logs and tests.
   */
  readonly detail: string;
  /**
   * Upstream panics here (a Go runtime error in the patch code): kube-apiserver's panic
   * filter answers a text/plain 500 with `message`, not a Status.
   */
  readonly panic: boolean;

  constructor(code: number, reason: string, message: string, options: { details?: PatchStatusDetails; detail?: string; panic?: boolean } = {}) {
    super(message);
    this.name = 'PatchError';
    this.code = code;
    this.reason = reason;
    this.details = options.details;
    this.detail = options.detail ?? message;
    this.panic = options.panic ?? false;
  }

  toStatus(): PatchStatus {
    const status: PatchStatus = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, code: this.code };
    if (this.reason) status.reason = this.reason;
    if (this.details) status.details = this.details;
    return status;
  }
}

/** The message of upstream's NewGenericServerResponse for a 422. */
export const genericInvalidMessage = 'the server rejected our request due to an error in our request';

export const patchErrors = {
  /** errors.NewBadRequest(message): 400 BadRequest. */
  badRequest: (message: string) => new PatchError(400, 'BadRequest', message),
  /**
   * errors.NewGenericServerResponse(422, "", GroupResource{}, "", detail, 0, false): 422
   * Invalid with a fixed message and empty details; the upstream error text is dropped.
   */
  invalidGeneric: (detail: string) => new PatchError(422, 'Invalid', genericInvalidMessage, { details: {}, detail }),
  /**
   * A plain Go error reaching the handler (responsewriters.ErrorToAPIStatus): 500 with
   * no reason and the error text as the message.
   */
  internal: (message: string) => new PatchError(500, '', message),
  /** A Go runtime panic in upstream's code path (`detail` names the runtime error). */
  panic: (detail: string) =>
    new PatchError(500, 'InternalError', 'This request caused apiserver to panic. Look in the logs for details.', { detail, panic: true }),
  /** errors.NewRequestEntityTooLargeError(message): 413. */
  requestEntityTooLarge: (message: string) => new PatchError(413, 'RequestEntityTooLarge', `Request entity too large: ${message}`),
  /** negotiation.NewUnsupportedMediaTypeError(accepted): 415. */
  unsupportedMediaType: (accepted: readonly string[]) =>
    new PatchError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`),
  /**
   * errors.NewInvalid(GroupKind{}, "", [field.Invalid("patch", patchedJSON, detail)]): what
   * the handler answers when the patched document does not decode into an object.
   */
  invalidPatchedObject: (patchedJSON: string, detail: string) => {
    const err = invalid(FieldPath.root('patch'), patchedJSON, detail);
    return new PatchError(422, 'Invalid', invalidMessage({ group: '', kind: '' }, '', [err]), { details: { causes: [statusCause(err)] } });
  },
};
