import type { JsonSchema } from "../../support/oneroster-official.ts";

/**
 * Differences between an official component schema and the one generated from our zod
 * schemas, as readable lines. Every validation keyword counts; documentation keywords do not,
 * `$ref`s are compared by component name (each component is compared on its own), `anyOf`
 * branches in any order, and an absent `minItems` equals 0, as JSON Schema defines them.
 */

const STRUCTURAL = new Set(["properties", "items", "anyOf", "$ref"]);
const DOCUMENTATION = new Set(["description", "example", "examples", "title"]);
const UNORDERED = new Set(["enum", "required"]);

const refName = (schema: JsonSchema) =>
  typeof schema.$ref === "string" ? schema.$ref.split("/").at(-1) : undefined;

function keyword(schema: JsonSchema, name: string): unknown {
  const value = schema[name];
  if (name === "minItems" && value === 0) return undefined;
  if (UNORDERED.has(name) && Array.isArray(value)) return [...value].sort();
  return value;
}

const asSchema = (value: unknown): JsonSchema =>
  typeof value === "object" && value !== null ? (value as JsonSchema) : {};

export function diffSchemas(official: JsonSchema, generated: JsonSchema, at: string): string[] {
  if (refName(official) !== refName(generated)) {
    return [`${at}: $ref official ${refName(official)} ≠ generated ${refName(generated)}`];
  }
  if (refName(official)) return [];

  const differences: string[] = [];
  const keywords = new Set([...Object.keys(official), ...Object.keys(generated)]);
  for (const name of keywords) {
    if (STRUCTURAL.has(name) || DOCUMENTATION.has(name)) continue;
    const want = JSON.stringify(keyword(official, name));
    const got = JSON.stringify(keyword(generated, name));
    if (want !== got) differences.push(`${at}: ${name} official ${want} ≠ generated ${got}`);
  }

  const officialProperties = asSchema(official.properties);
  const generatedProperties = asSchema(generated.properties);
  for (const name of new Set([
    ...Object.keys(officialProperties),
    ...Object.keys(generatedProperties),
  ])) {
    const where = `${at}.${name}`;
    if (!(name in generatedProperties)) differences.push(`${where}: missing from generated`);
    else if (!(name in officialProperties)) differences.push(`${where}: not in the official file`);
    else {
      differences.push(
        ...diffSchemas(
          asSchema(officialProperties[name]),
          asSchema(generatedProperties[name]),
          where,
        ),
      );
    }
  }

  if ("items" in official || "items" in generated) {
    differences.push(
      ...diffSchemas(asSchema(official.items), asSchema(generated.items), `${at}[]`),
    );
  }

  if ("anyOf" in official || "anyOf" in generated) {
    const officialBranches = (official.anyOf ?? []) as JsonSchema[];
    const generatedBranches = (generated.anyOf ?? []) as JsonSchema[];
    if (officialBranches.length !== generatedBranches.length) {
      differences.push(
        `${at}: anyOf has ${officialBranches.length} official branches, ${generatedBranches.length} generated`,
      );
    }
    officialBranches.forEach((branch, index) => {
      const matched = generatedBranches.some(
        (candidate) => diffSchemas(branch, candidate, at).length === 0,
      );
      if (!matched) {
        differences.push(
          `${at}.anyOf[${index}]: no generated branch equals ${JSON.stringify(branch)}`,
        );
      }
    });
  }
  return differences;
}
