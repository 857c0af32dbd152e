import type { OneRosterOperation, Subset } from "../routes/index.ts";
import type { EntityName } from "../wire/envelopes.ts";
import type { ReadModel } from "./read-model.ts";
import type { Relations } from "./relations.ts";

type Relation = Relations[string];

import { disclosesStudentData } from "./student-data.ts";

/** A step of a nested path: `/schools/{schoolSourcedId}/…` names a school that must exist. */
export interface ParentStep {
  param: string;
  /** How error messages name it: `school`, `class`… */
  label: string;
  model: ReadModel;
  subset: Subset | undefined;
  /** For an inner parent, its membership in the outer one (a class at that school). */
  within: { param: string; relation: Relation } | undefined;
}

/** Everything a read operation needs, worked out once when the service is mounted. */
export interface ReadPlan {
  operation: OneRosterOperation;
  model: ReadModel;
  subset: Subset | undefined;
  parents: readonly ParentStep[];
  /** For a nested collection, the rows' membership in the innermost parent. */
  within: { param: string; relation: Relation } | undefined;
  discloses: boolean;
}

export type ReadModels = Partial<Record<EntityName, ReadModel>>;

function modelOf(models: ReadModels, entity: EntityName, operationId: string): ReadModel {
  const model = models[entity];
  if (!model) throw new Error(`${operationId}: no read model for ${entity}`);
  return model;
}

function relationOf(relations: Relations, key: string, operationId: string) {
  const relation = relations[key];
  if (!relation) throw new Error(`${operationId}: no relation ${key}`);
  return relation;
}

/**
 * Works out a read operation's plan from its path: `/schools/{s}/classes/{c}/students` has
 * parents school and class (class within school) and lists the class's students. Throws at
 * mount time when a model or relation is missing, so a gap never surfaces as a 500.
 */
export function planRead(
  operation: OneRosterOperation,
  models: ReadModels,
  relations: Relations,
): ReadPlan {
  const { operationId } = operation;
  const collections = operation.path.split("/").filter((s) => s !== "" && !s.startsWith("{"));
  const step = (index: number) => `${collections[index - 1]}/${collections[index]}`;
  const parents = operation.parents.map((parent, index): ParentStep => {
    const outer = operation.parents[index - 1];
    return {
      param: parent.param,
      label: parent.subset ?? parent.entity,
      model: modelOf(models, parent.entity, operationId),
      subset: parent.subset,
      within: outer && {
        param: outer.param,
        relation: relationOf(relations, step(index), operationId),
      },
    };
  });
  const innermost = operation.parents.at(-1);
  return {
    operation,
    model: modelOf(models, operation.entity, operationId),
    subset: operation.subset,
    parents,
    within: innermost && {
      param: innermost.param,
      relation: relationOf(relations, step(parents.length), operationId),
    },
    discloses: disclosesStudentData(operation),
  };
}
