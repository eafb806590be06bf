/**
 * Server-side printing (`kubectl get` asks for a meta.k8s.io/v1 Table): the columns of
 * one resource and how to fill a row from an object, as upstream's printers do.
 */
export interface TableColumn {
  /** Upstream's column name, e.g. `Name`, `Ready`, `Status`, `Restarts`, `Age`. */
  readonly name: string;
  /** OpenAPI type: string, integer, number, boolean, date. */
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  /** e.g. `name` for the NAME column. */
  readonly format?: string;
  readonly description: string;
  /** 0: always shown; 1 and up: only with `-o wide`. */
  readonly priority: number;
}

/** Any API object as JSON. */
export type ApiObject = Record<string, unknown> & { metadata?: Record<string, unknown> };

export interface TableDef {
  readonly columns: readonly TableColumn[];
  /** One row's cells, in column order; `now` decides ages ("5m", "2d3h"). */
  cells(object: ApiObject, now: number): unknown[];
}
