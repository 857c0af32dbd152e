/**
 * The OneRoster 1.2.1 CSV binding: every file, its columns in order, and each column's format,
 * as the entity modules (`src/entities/`) declare them. Source: ../shared/reference/oneroster-1.2.md
 * §5.6 (column order and requiredness as the validators that pass the official conformance set
 * apply them).
 */
import { FILE_ENTITIES, type FileName, type FileSpec } from "../entities/index.ts";

export {
  type ColumnFormat,
  type ColumnSpec,
  FILE_NAMES,
  type FileGroup,
  type FileName,
  type FileSpec,
} from "../entities/index.ts";

export const FILES: readonly FileSpec[] = [...FILE_ENTITIES.values()].map(
  (entity) => entity.file as FileSpec,
);

export const FILE_BY_NAME: ReadonlyMap<FileName, FileSpec> = new Map(FILES.map((f) => [f.name, f]));

/** Load order: every file after the files its references point into. */
export const LOAD_ORDER: readonly FileName[] = [...FILE_ENTITIES.keys()];
