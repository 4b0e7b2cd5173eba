// TypeBox's compiler converts path and query strings to the schema's types before checking
// them, and converting "1.5" to an integer truncates it to 1: /contacts/1.5 would open
// contact 1. Whole-number parameters must be written as whole numbers, so a string that is
// not one is refused before the conversion can round it.
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';

const WHOLE = /^\s*[+-]?\d+\s*$/;

type Schema = { type?: unknown; properties?: Record<string, Schema>; anyOf?: Schema[]; oneOf?: Schema[] };

const isInteger = (schema: Schema): boolean =>
  schema.type === 'integer' || (schema.anyOf ?? schema.oneOf ?? []).some(isInteger);

export const validatorCompiler: typeof TypeBoxValidatorCompiler = (route) => {
  const check = TypeBoxValidatorCompiler(route);
  if (route.httpPart === 'body') return check;
  const properties = (route.schema as Schema).properties ?? {};
  const integers = Object.keys(properties).filter((name) => isInteger(properties[name]!));
  if (!integers.length) return check;
  return (value) => {
    for (const name of integers) {
      const given = (value as Record<string, unknown> | null | undefined)?.[name];
      if (typeof given === 'string' && !WHOLE.test(given)) {
        return { error: [{ keyword: 'type', instancePath: `/${name}`, schemaPath: `#/properties/${name}/type`, params: { type: 'integer' }, message: 'must be integer' }] } as never;
      }
    }
    return check(value);
  };
};
