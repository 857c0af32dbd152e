/** The seven OneRoster comparison operators; `~` means "contains". */
export type FilterOperator = "=" | "!=" | ">" | ">=" | "<" | "<=" | "~";

/** `field op 'value'`, with the value already unquoted (`''` turned back into `'`). */
export interface FilterComparison {
  type: "comparison";
  field: string;
  operator: FilterOperator;
  value: string;
}

/**
 * Two comparisons joined by `AND` or `OR`. The REST binding allows at most two predicates and
 * one logical operator, so both sides are always plain comparisons.
 */
export interface FilterLogical {
  type: "logical";
  operator: "AND" | "OR";
  left: FilterComparison;
  right: FilterComparison;
}

/** A parsed `filter` parameter. */
export type FilterNode = FilterComparison | FilterLogical;
