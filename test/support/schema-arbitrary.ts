// fast-check arbitraries from the JSON schemas of the OpenAPI document: values the schema
// accepts, and values a careless or hostile client sends instead (wrong types, out-of-range
// dates and numbers, NUL, lone surrogates, oversized strings, ids in odd spellings).
import fc from 'fast-check';

export type JsonSchema = Record<string, unknown> & {
  $ref?: string; type?: string | string[]; enum?: unknown[]; const?: unknown; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; patternProperties?: Record<string, JsonSchema>;
  minimum?: number; maximum?: number; exclusiveMinimum?: number; minLength?: number; maxLength?: number; maxItems?: number;
  pattern?: string; format?: string;
};

/** Values no schema of the API accepts everywhere: each one a finding of issue 17. */
export const HOSTILE: unknown[] = [
  '', ' ', ' 1', '+1', '1\n', '01', '1e3', '-1', '0', '1.5', 'a\u0000b', '\u0000', 'a\ud800b', '\udc00', 'x'.repeat(5000),
  '0000-01-01', '0001-01-01T00:00:00Z', '9999-12-31', '2026-02-30', '2026-01-31T23:59:60Z', '1899-12-31', '3000-01-01T00:00:00Z',
  -1, 0, 0.5, 2 ** 31, 2 ** 53, 2 ** 63, 1e308, -1e308, true, false, null, [], {}, [1, 'a'], { nested: { deep: [null] } },
  '<script>alert(1)</script>', "'; drop table accounts; --", '%FF%FE', '🚀', 'é'.repeat(300),
];

/** Spellings of a path or query value the router and the validator must refuse or read exactly. */
export const HOSTILE_TEXT: string[] = [
  '%20%201', '+1', '1%0A', '%FF%FE', '%00', '9223372036854775808', '18446744073709551616', '-1', '0', '1.5', '1e0', 'abc', '%E0%A4%A',
  '0000-01-01', '9999-12-31', '2026-02-30', 'a%00b', '%ED%A0%80', '%C0%AF', encodeURIComponent('x'.repeat(1000)), '',
];

const ISO_DAYS = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true });

export class SchemaArbitraries {
  constructor(private readonly components: Record<string, JsonSchema>) {}

  resolve(schema: JsonSchema): JsonSchema {
    let current = schema;
    while (current.$ref) current = this.components[current.$ref.split('/').pop()!] ?? {};
    return current;
  }

  /** A value the schema accepts (mostly: patterns and formats are approximated). */
  valid(input: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const branches = schema.anyOf ?? schema.oneOf;
    if (branches) return fc.oneof(...branches.map((b) => this.valid(b, depth + 1)));
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'string': return this.string(schema);
      case 'integer': return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e9), max: Math.min(schema.maximum ?? 1000, 1e9) });
      case 'number': {
        const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 0.01 : -1000);
        return fc.double({ min, max: schema.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
      }
      case 'boolean': return fc.boolean();
      case 'null': return fc.constant(null);
      case 'array': return depth > 4 ? fc.constant([]) : fc.array(this.valid(schema.items ?? {}, depth + 1), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
      case 'object': {
        if (depth > 4) return fc.constant({});
        if (schema.properties) {
          const shape = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, this.valid(v, depth + 1)]));
          return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((k) => k in shape) });
        }
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
      }
      default: return fc.jsonValue({ maxDepth: 2 });
    }
  }

  private string(schema: JsonSchema): fc.Arbitrary<string> {
    const max = Math.min(schema.maxLength ?? 60, 60);
    const min = Math.min(schema.minLength ?? 0, max);
    switch (schema.format) {
      case 'date': return ISO_DAYS.map((d) => d.toISOString().slice(0, 10));
      case 'date-time': return ISO_DAYS.map((d) => d.toISOString());
      case 'email': return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 254));
      case 'iso-country': return fc.constantFrom('FR', 'US', 'DE', 'JP', 'BR');
      case 'iso-currency': return fc.constantFrom('EUR', 'USD', 'JPY', 'GBP');
      default: break;
    }
    if (schema.pattern && schema.pattern !== '\\S') {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
    }
    return fc.string({ minLength: Math.max(min, schema.pattern ? 1 : 0), maxLength: Math.max(max, 1) })
      .filter((s) => !schema.pattern || /\S/.test(s));
  }

  /** A valid value, or one with a part replaced by a hostile value, a missing field or an unknown one. */
  any(schema: JsonSchema): fc.Arbitrary<unknown> {
    return fc.oneof(
      { weight: 3, arbitrary: this.valid(schema) },
      { weight: 4, arbitrary: fc.tuple(this.valid(schema), fc.nat(), fc.constantFrom(...HOSTILE)).map(([value, at, hostile]) => spoil(value, at, hostile)) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
    );
  }
}

/** Replaces the `at`-th node of the value (objects: a field, removed half the time; others: itself). */
function spoil(value: unknown, at: number, hostile: unknown): unknown {
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((item, i) => { nodes.push({ parent: node, key: i }); walk(item); });
    else if (typeof node === 'object' && node !== null) for (const [k, v] of Object.entries(node)) { nodes.push({ parent: node as Record<string, unknown>, key: k }); walk(v); }
  };
  const copy = structuredClone(value);
  walk(copy);
  if (!nodes.length) {
    if (typeof copy === 'object' && copy !== null && !Array.isArray(copy)) return { ...copy, [`unknown${at % 3}`]: hostile };
    return hostile;
  }
  const { parent, key } = nodes[at % nodes.length]!;
  if (!Array.isArray(parent) && at % 5 === 0) delete parent[key as string];
  else (parent as Record<string | number, unknown>)[key] = hostile;
  return copy;
}
