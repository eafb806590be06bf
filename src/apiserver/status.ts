// API errors as metav1.Status, built in one place (DESIGN.md, rule 9) with upstream's
// reasons, codes and message wording (k8s.io/apimachinery/pkg/api/errors).
import { invalidMessage, statusCause, type FieldError } from '../apimachinery/field.ts';
import { isStoreError } from '../storage/errors.ts';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** An error the API answers with a Status of the given code and reason. */
export class ApiError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly details: StatusDetails | undefined;

  constructor(code: number, reason: string, message: string, details?: StatusDetails) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  toStatus(): Status {
    const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, code: this.code };
    // Some upstream errors (a failing strategic merge) carry no reason; so does their Status.
    if (this.reason) status.reason = this.reason;
    if (this.details) status.details = this.details;
    return status;
  }
}

/** Names a resource as upstream messages do: `pods`, `deployments.apps`. */
export interface GroupResource {
  group: string;
  resource: string;
}

const qualified = (gr: GroupResource) => (gr.group ? `${gr.resource}.${gr.group}` : gr.resource);

export const errors = {
  notFound: (gr: GroupResource, name: string) =>
    new ApiError(404, 'NotFound', `${qualified(gr)} "${name}" not found`, { name, group: gr.group || undefined, kind: gr.resource }),
  alreadyExists: (gr: GroupResource, name: string) =>
    new ApiError(409, 'AlreadyExists', `${qualified(gr)} "${name}" already exists`, { name, group: gr.group || undefined, kind: gr.resource }),
  conflict: (gr: GroupResource, name: string, detail: string) =>
    new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(gr)} "${name}": ${detail}`, {
      name,
      group: gr.group || undefined,
      kind: gr.resource,
    }),
  modified: (gr: GroupResource, name: string) =>
    errors.conflict(gr, name, 'the object has been modified; please apply your changes to the latest version and try again'),
  /** 422 with one cause per field error; `kind` is the object's Kind, e.g. ConfigMap. */
  invalid: (group: string, kind: string, name: string, causes: StatusCause[]) =>
    new ApiError(
      422,
      'Invalid',
      `${group ? `${kind}.${group}` : kind} "${name}" is invalid: ${causes.length === 1 ? causes[0]!.message! : `[${causes.map((c) => c.message).join(', ')}]`}`,
      { name, group: group || undefined, kind, causes },
    ),
  /** 422 from upstream-style field errors, with upstream's aggregate message. */
  invalidFields: (group: string, kind: string, name: string, fieldErrors: readonly FieldError[]) =>
    new ApiError(422, 'Invalid', invalidMessage({ group, kind }, name, fieldErrors), {
      name,
      group: group || undefined,
      kind,
      causes: fieldErrors.map(statusCause),
    }),
  badRequest: (message: string) => new ApiError(400, 'BadRequest', message),
  unauthorized: (message = 'Unauthorized') => new ApiError(401, 'Unauthorized', message),
  forbidden: (gr: GroupResource, name: string, message: string) =>
    new ApiError(403, 'Forbidden', `${qualified(gr)}${name ? ` "${name}"` : ''} is forbidden: ${message}`, { name: name || undefined, group: gr.group || undefined, kind: gr.resource }),
  methodNotSupported: (gr: GroupResource, action: string) =>
    new ApiError(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qualified(gr)}"`, { group: gr.group || undefined, kind: gr.resource }),
  notAcceptable: (message: string) => new ApiError(406, 'NotAcceptable', message),
  unsupportedMediaType: (contentType: string) =>
    new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf, application/merge-patch+json (got ${contentType})`),
  requestEntityTooLarge: (message: string) => new ApiError(413, 'RequestEntityTooLarge', message),
  expired: (message: string) => new ApiError(410, 'Expired', message),
  gone: (message: string) => new ApiError(410, 'Gone', message),
  tooManyRequests: (message: string, retryAfterSeconds = 1) => new ApiError(429, 'TooManyRequests', message, { retryAfterSeconds }),
  timeout: (message: string) => new ApiError(504, 'Timeout', message),
  /** A read at a revision the server has not reached: clients retry after a second. */
  tooLargeResourceVersion: (revision: number, current: number) =>
    new ApiError(504, 'Timeout', `Too large resource version: ${revision}, current: ${current}`, {
      causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
      retryAfterSeconds: 1,
    }),
  internal: (message: string) => new ApiError(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] }),
  serviceUnavailable: (message: string) => new ApiError(503, 'ServiceUnavailable', message),
  pathNotFound: () => new ApiError(404, 'NotFound', 'the server could not find the requested resource', {}),
};

/** Maps any error to an ApiError; store errors by their stable code. */
export function toApiError(error: unknown, gr?: GroupResource, name = ''): ApiError {
  if (error instanceof ApiError) return error;
  if (isStoreError(error)) {
    const resource = gr ?? { group: '', resource: '' };
    switch (error.code) {
      case 'keyExists':
        return errors.alreadyExists(resource, name);
      case 'notFound':
        return errors.notFound(resource, name);
      case 'conflict':
        return errors.modified(resource, name);
      case 'compacted':
        return errors.expired(`too old resource version: ${error.message}`);
      case 'futureRevision':
        return errors.timeout(`Too large resource version: ${error.message}`);
      case 'tooLarge':
        return errors.requestEntityTooLarge(`etcdserver: request is too large`);
      case 'invalidArgument':
        return errors.badRequest(error.message);
      case 'closed':
      case 'unavailable':
        return errors.serviceUnavailable(error.message);
    }
  }
  return errors.internal(error instanceof Error ? error.message : String(error));
}
