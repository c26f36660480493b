import fc from 'fast-check';

/** A request body as sent: raw JSON text, since some hostile bodies (prototype keys, deep nesting) cannot be built as objects. */
export interface Payload {
  readonly what: string;
  readonly text: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = any;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A plausible body for a route, built from its OpenAPI schema: every property, with its example, its first enum
 * value, or a value of its type. It need not be valid; it gives mutations a body shaped like a real request, so
 * that they reach the fields inside it.
 */
export function sampleFromSchema(schema: Schema, components: Record<string, Schema>, name = ''): Json {
  if (schema?.$ref) return sampleFromSchema(components[schema.$ref.split('/').pop()], components, name);
  if (schema?.allOf?.length) return sampleFromSchema(schema.allOf[0], components, name);
  if (schema?.example !== undefined) return schema.example as Json;
  if (schema?.enum?.length) return schema.enum[0] as Json;
  switch (schema?.type) {
    case 'object':
      return Object.fromEntries(Object.entries<Schema>(schema.properties ?? {}).map(([key, value]) => [key, sampleFromSchema(value, components, key)]));
    case 'array':
      return [sampleFromSchema(schema.items, components, name)];
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    default:
      return /date|from|to$/i.test(name) ? '2022-06-01' : `${name || 'x'}-1`;
  }
}

type Path = Array<string | number>;

/** Every path into a body (keys of objects, indexes of arrays), the root excluded. */
function pathsOf(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  const entries: Array<[string | number, Json]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

const INJECTIONS = [
  "1'; DROP TABLE events; --",
  '" OR "1"="1',
  "1.000046' OR '1'='1",
  "Robert'); DELETE FROM api_keys; --",
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  '${process.exit(1)}',
  "{{constructor.constructor('return process')().exit()}}",
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '%00%0d%0a',
  '\r\nX-Injected: 1',
  '__proto__',
  'constructor',
  'NaN',
  '-0',
  '1e309',
  '9007199254740993',
];

/** Vietnamese letters with their marks, composed and decomposed, emoji, joiners, right-to-left and lone surrogates. */
const UNICODE_UNITS = [
  'Đ', 'đ', 'ư', 'ơ', 'ạ', 'ặ', 'ề', 'ỗ', 'ự', 'ỹ', 'Thủ tục', 'Bình Phước', 'e\u0302\u0301', 'u\u031b\u0323', 'a\u0306\u0300',
  '😀', '👩‍👩‍👧‍👦', '🇻🇳', '\u200b', '\u200d', '\ufeff', '\u202e', 'ﷺ', '𝕋', '\ud800', '\udfff', '\u0301\u0301\u0301', ' ', '\t', '\n',
];

const unicodeString = (maxLength: number) => fc.string({ unit: fc.constantFrom(...UNICODE_UNITS), minLength: 1, maxLength });

/** Values no field of any route accepts in their place, or accepts only by chance. */
const hostileValue: fc.Arbitrary<Json | { raw: string }> = fc.oneof(
  fc.integer(),
  fc.double().map((n) => (Number.isFinite(n) ? n : null)),
  fc.boolean(),
  fc.constant(null),
  fc.constant([] as Json[]),
  fc.constant({} as Json),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(unicodeString(8), fc.integer(), { maxKeys: 3 }),
  fc.constantFrom(...INJECTIONS),
  unicodeString(60),
  // Oversized: past every field's limit, sometimes past the body limit (413).
  fc.constantFrom(1_001, 20_000, 400_000).map((length) => 'Đ'.repeat(length)),
  // Deep nesting, as raw text: a parser or validator that recurses must not overflow.
  fc.integer({ min: 50, max: 20_000 }).map((depth) => ({ raw: '['.repeat(depth) + ']'.repeat(depth) })),
  fc.integer({ min: 50, max: 5_000 }).map((depth) => ({ raw: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) })),
  fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}').map((raw) => ({ raw })),
);

const MARKER = '\u0001hostile\u0001';

/** Serialises a body, splicing raw texts in where a value asked for one. */
function serialise(body: Json, raws: string[]): string {
  return JSON.stringify(body).replace(new RegExp(`"${MARKER}(\\d+)"`, 'g'), (_, i: string) => raws[Number(i)]);
}

function setAt(body: Json, path: ReadonlyArray<string | number>, value: Json | undefined): Json {
  const copy = structuredClone(body);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/**
 * Bodies for one route: its sample with one field replaced by a hostile value, removed, or joined by an unknown
 * one; the sample truncated, or with a prototype key in its text; or arbitrary JSON.
 */
export function hostilePayloads(sample: Json): fc.Arbitrary<Payload> {
  const paths = pathsOf(sample);
  const replaced = (paths: Path[]) => fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]): Payload => {
    const raws: string[] = [];
    const spliced = value !== null && typeof value === 'object' && 'raw' in value ? `${MARKER}${raws.push(value.raw as string) - 1}` : (value as Json);
    return { what: `${path.join('.')} := ${serialise(spliced, raws).slice(0, 80)}`, text: serialise(setAt(sample, path, spliced), raws) };
  });
  const removed = (paths: Path[]) => fc.constantFrom(...paths).map((path): Payload => ({ what: `without ${path.join('.')}`, text: JSON.stringify(setAt(sample, path, undefined)) }));
  const unknownField = fc.tuple(unicodeString(12), hostileValue.filter((v) => !(v && typeof v === 'object' && 'raw' in v))).map(([key, value]): Payload => ({
    what: `unknown field ${JSON.stringify(key)}`,
    text: JSON.stringify({ ...(sample as object), [key]: value }),
  }));
  const prototypeKey = fc.constantFrom('__proto__', 'constructor', 'prototype').map((key): Payload => ({
    what: `prototype key ${key} in the text`,
    text: `{"${key}":{"polluted":true,"isAdmin":true},${JSON.stringify(sample).slice(1)}`,
  }));
  const text = JSON.stringify(sample);
  const truncated = fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((at): Payload => ({ what: `cut at ${at}`, text: text.slice(0, at) }));
  const anyJson = fc.jsonValue().map((value): Payload => ({ what: 'arbitrary JSON', text: JSON.stringify(value) ?? 'null' }));
  // A route that takes no fields (a digest) gets the whole-body payloads only.
  const perField = paths.length ? [{ arbitrary: replaced(paths), weight: 6 }, { arbitrary: removed(paths), weight: 1 }] : [];
  return fc.oneof(
    ...perField,
    { arbitrary: unknownField, weight: 1 },
    { arbitrary: prototypeKey, weight: 1 },
    { arbitrary: truncated, weight: 1 },
    { arbitrary: anyJson, weight: 2 },
  );
}
