import type { FieldError } from '../../apimachinery/field.ts';

/** Validates an object on create, or on update when `old` is given; returns upstream's field errors. */
export type Validator = (object: Record<string, unknown>, old?: Record<string, unknown>) => FieldError[];
