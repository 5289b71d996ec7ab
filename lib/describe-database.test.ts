import { describe, expect, it } from "vitest";
import { describeDatabase } from "./describe-database";

describe("describeDatabase", () => {
  it("names a SQLite file by its path", () => {
    expect(describeDatabase("file:./data/errata.db")).toBe("the SQLite file ./data/errata.db");
  });

  it("names a PostgreSQL database by name, host and schema, never showing the password", () => {
    const described = describeDatabase("postgres://errata:s3cret%21@db.internal:5432/errata?options=-c%20search_path%3Dtenant_a");
    expect(described).toBe("the PostgreSQL database errata on db.internal:5432, schema tenant_a");
    expect(described).not.toMatch(/s3cret/);
  });

  it("falls back to the user's name for the database, as PostgreSQL does", () => {
    expect(describeDatabase("postgresql://errata@localhost")).toBe("the PostgreSQL database errata on localhost");
  });
});
