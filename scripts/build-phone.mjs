// The delegate's phone page's script, apart from Remix's (issue 16): React and Remix's runtime
// alone weigh 85 KB gzipped, over the page's 60 KB budget, so the page does not hydrate with
// them; this script takes over its markup with Preact standing for React. Run after
// `remix build`, which empties public/build. Writes public/build/phone-<hash>.js and
// public/build/phone-manifest.json, which the page's loader reads. `--analyze <file>` writes
// esbuild's metafile there, to see what weighs in the script.
import { build } from "esbuild";
import { writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "public", "build");
const result = await build({
  absWorkingDir: root,
  entryPoints: ["app/phone/phone.client.tsx"],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: ["es2019"],
  jsx: "automatic",
  alias: { react: "preact/compat", "react-dom": "preact/compat", "react/jsx-runtime": "preact/compat/jsx-runtime" },
  define: { "process.env.NODE_ENV": '"production"' },
  entryNames: "phone-[hash]",
  outdir,
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
});
const output = Object.keys(result.metafile.outputs).find((file) => file.endsWith(".js"));
writeFileSync(join(outdir, "phone-manifest.json"), JSON.stringify({ src: `/build/${basename(output)}` }) + "\n");
if (process.argv.includes("--analyze")) writeFileSync(process.argv[process.argv.indexOf("--analyze") + 1], JSON.stringify(result.metafile));
console.log(`phone script: /build/${basename(output)}`);
