import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // No React here: `useDatabase`/`useFreshDatabase` point the process at a database, they are not hooks.
    files: ["db/**", "bench/**", "scripts/**", "lib/testing/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/**", "node_modules/**", "data/**", "bench/.data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
