import { z } from 'zod';
import { deepFreeze } from './deep-freeze.js';
import { envNameFor } from './env-name.js';
import { configSchema } from './schema.js';

/** How an option is written: a scalar, a section (object), or JSON for lists and maps. */
export type OptionKind =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'list'
  | 'map'
  | 'object'
  | 'json';

/** One option or section of the config schema, as the docs and the env twins see it. */
export interface ConfigOption {
  /** Dotted path; `[]` stands for every entry of a list, e.g. `sites[].upstream.targets`. */
  readonly path: string;
  readonly segments: readonly string[];
  /** The env twin; absent for sections and for fields of list entries (those are set through the list's twin). */
  readonly env?: string;
  readonly kind: OptionKind;
  /** The kind of each entry, for lists. */
  readonly itemKind?: OptionKind;
  /** Human-readable type, e.g. `integer 0–65535`. */
  readonly type: string;
  readonly required: boolean;
  readonly hasDefault: boolean;
  readonly default?: unknown;
  readonly description: string;
  /** Allowed values, for enums. */
  readonly values?: readonly string[];
}

type Schema = z.core.$ZodType;

let everyNode: readonly ConfigOption[] | undefined;

/** Every section, option and list-entry field of the schema, in declaration order (for docs). */
export function describeConfigSchema(): readonly ConfigOption[] {
  everyNode ??= Object.freeze(walk(configSchema, [], false, []));
  return everyNode;
}

/** Every option that has an env twin: the scalars, lists and maps outside list entries. */
export function listConfigOptions(): readonly ConfigOption[] {
  return describeConfigSchema().filter((option) => option.env !== undefined);
}

function walk(schema: Schema, segments: string[], inList: boolean, out: ConfigOption[]): ConfigOption[] {
  const layer = unwrap(schema);
  const shape = classify(layer.inner);
  if (segments.length > 0) {
    const hasEnv = !inList && shape.kind !== 'object';
    out.push(
      Object.freeze({
        path: segments.join('.').replaceAll('.[]', '[]'),
        segments: Object.freeze([...segments]),
        ...(hasEnv ? { env: envNameFor(segments) } : {}),
        kind: shape.kind,
        ...(shape.itemKind ? { itemKind: shape.itemKind } : {}),
        type: shape.type,
        required: layer.required,
        hasDefault: layer.hasDefault,
        ...(layer.hasDefault ? { default: layer.default } : {}),
        description: layer.description ?? '',
        ...(shape.values ? { values: shape.values } : {}),
      }),
    );
  }
  walkFields(layer.inner, segments, inList, out);
  return out;
}

// The fields of an object, or of every entry of a list of objects (those are set through the list's twin).
function walkFields(schema: Schema, segments: string[], inList: boolean, out: ConfigOption[]): void {
  if (schema instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(schema.shape as Record<string, Schema>)) {
      walk(child, [...segments, key], inList, out);
    }
  } else if (schema instanceof z.ZodArray) {
    walkFields(unwrap(schema.element).inner, [...segments, '[]'], true, out);
  }
}

interface Layer {
  inner: Schema;
  description?: string;
  required: boolean;
  hasDefault: boolean;
  default?: unknown;
}

// Descriptions sit on whichever wrapper `.describe()` was called on; the outermost one wins.
function unwrap(schema: Schema): Layer {
  const layer: Layer = { inner: schema, required: true, hasDefault: false };
  for (;;) {
    const current = layer.inner;
    layer.description ??= z.globalRegistry.get(current)?.description;
    if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
      if (!layer.hasDefault) layer.default = deepFreeze(structuredClone(current.def.defaultValue));
      layer.hasDefault = true;
      layer.required = false;
      layer.inner = current.def.innerType;
    } else if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodReadonly
    ) {
      layer.required = false;
      layer.inner = current.def.innerType;
    } else if (current instanceof z.ZodPipe) {
      layer.inner = current.def.in; // env values and docs deal with what a user writes, the pipe's input
    } else {
      return layer;
    }
  }
}

interface Shape {
  kind: OptionKind;
  type: string;
  itemKind?: OptionKind;
  values?: readonly string[];
}

function classify(schema: Schema): Shape {
  if (schema instanceof z.ZodString) return { kind: 'string', type: 'string' };
  if (schema instanceof z.ZodBoolean) return { kind: 'boolean', type: 'boolean' };
  if (schema instanceof z.ZodNumber) return classifyNumber(schema);
  if (schema instanceof z.ZodEnum || schema instanceof z.ZodLiteral) {
    const values = Object.freeze(
      (schema instanceof z.ZodEnum ? schema.options : [...schema.values]).map((v) => String(v)),
    );
    return { kind: 'enum', type: `one of ${values.map((v) => `\`${v}\``).join(', ')}`, values };
  }
  if (schema instanceof z.ZodArray) {
    const item = classify(unwrap(schema.element).inner);
    const itemType = item.kind === 'object' ? 'objects' : item.kind === 'enum' ? 'strings' : `${item.type}s`;
    return { kind: 'list', type: `list of ${itemType}`, itemKind: item.kind };
  }
  if (schema instanceof z.ZodObject) return { kind: 'object', type: 'object' };
  if (schema instanceof z.ZodRecord) return { kind: 'map', type: 'map' };
  return { kind: 'json', type: 'JSON' };
}

function classifyNumber(schema: z.ZodNumber): Shape {
  const kind = schema.isInt ? 'integer' : 'number';
  const min = bound(schema.minValue);
  const max = bound(schema.maxValue);
  if (min !== undefined && max !== undefined) return { kind, type: `${kind} ${min}–${max}` };
  if (min !== undefined) return { kind, type: `${kind} ≥ ${min}` };
  if (max !== undefined) return { kind, type: `${kind} ≤ ${max}` };
  return { kind, type: kind };
}

// Integers carry the safe-integer range as bounds; only bounds the schema chose are worth showing.
function bound(value: number | null): number | undefined {
  return value === null || Math.abs(value) >= Number.MAX_SAFE_INTEGER || !Number.isFinite(value)
    ? undefined
    : value;
}
