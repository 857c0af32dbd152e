import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database, Transaction } from "../../../src/db/client.ts";

const dialect = new PgDialect();

/** Calls through to the real object, noting the statements a request sends. */
function observed<T extends object>(target: T, onCall: (name: string, args: unknown[]) => void): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        onCall(String(property), args);
        return value.apply(object, args);
      };
    },
  });
}

/**
 * The real database, with every statement the application sends inside a transaction noted
 * in `log` (raw SQL as text, builder inserts as `insert`). Nothing is faked: the statements
 * run as they would.
 */
export function statementLog(db: Database): { db: Database; log: string[] } {
  const log: string[] = [];
  const watchTransaction = (tx: Transaction) =>
    observed(tx, (name, args) => {
      if (name === "execute") log.push(dialect.sqlToQuery(args[0] as SQL).sql);
      if (name === "insert") log.push("insert");
    });
  const watched = observed(db, () => {});
  return {
    log,
    db: new Proxy(watched, {
      get(object, property, receiver) {
        if (property !== "transaction") return Reflect.get(object, property, receiver);
        return (work: (tx: Transaction) => Promise<unknown>, config?: unknown) =>
          db.transaction((tx) => work(watchTransaction(tx)), config as never);
      },
    }),
  };
}
