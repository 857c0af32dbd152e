/**
 * The direction of imports in src/ (see README, "Architecture"): the composition root and hosts
 * (app, cli, worker) on top, the capabilities in the middle, the kernel (kernel, config, db,
 * entities) at the bottom. A lower layer never imports a higher one, nothing imports in a
 * circle, and a folder is entered only through its front door, `index.ts`.
 */
const KERNEL = "^src/(kernel|config|db|entities)/";
const ROOT = "^src/(app|cli|worker)/";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Modules that import each other in a circle cannot be understood one at a time.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "kernel-imports-only-kernel",
      comment:
        "The kernel (vocabularies, errors, config, the database, the entities) is the bottom layer.",
      severity: "error",
      from: { path: KERNEL },
      to: { path: "^src/", pathNot: KERNEL },
    },
    {
      name: "capabilities-never-import-the-root",
      comment: "Only the composition root and the hosts (app, cli, worker) assemble capabilities.",
      severity: "error",
      from: { path: "^src/", pathNot: ROOT },
      to: { path: ROOT },
    },
    {
      name: "enter-a-capability-by-its-front-door",
      comment: "A capability is imported through its index.ts, never through its inner files.",
      severity: "error",
      from: { path: "^src/([^/]+)/" },
      to: {
        path: "^src/[^/]+/",
        pathNot: ["^src/$1/", "^src/[^/]+/index\\.ts$", KERNEL, ROOT],
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: [".ts", ".js", ".json"] },
  },
};
