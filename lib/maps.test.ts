import { describe, expect, it } from "vitest";
import { innerMap } from "./maps";

describe("innerMap", () => {
  it("returns the inner map under a key, adding an empty one the first time", () => {
    const maps = new Map<string, Map<string, number>>();
    innerMap(maps, "a").set("x", 1);
    innerMap(maps, "a").set("y", 2);
    expect(maps).toEqual(new Map([["a", new Map([["x", 1], ["y", 2]])]]));
  });
});
