// The JSON Schema editors use for scenario files, generated from the zod schema (one source of truth).
import { z } from 'zod';
import { scenarioSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<
    string,
    unknown
  >;
  return { ...schema, $id: 'https://backchannel.local/scenarios/schema.json', title: 'Backchannel scenario' };
}
