// notelint's optional exact engine ([tool.notelint.math] engine = "katex"): render formulas with the
// real KaTeX and GitLab's options, all in one process.
// argv[2]: JSON list of folders to resolve `katex` from (besides NODE_PATH).
// stdin: JSON [[tex, display], ...]; stdout: JSON [null | {message, position, length}, ...]
"use strict";
let katexPath;
try {
  katexPath = require.resolve("katex", {paths: JSON.parse(process.argv[2] || "[]")});
} catch (error) {
  process.stderr.write("katex not found\n");
  process.exit(3);
}
const katex = require(katexPath);
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const results = JSON.parse(input).map(([tex, display]) => {
    try {
      katex.renderToString(tex, {displayMode: display, throwOnError: true, maxSize: 20, maxExpand: 1000, strict: "ignore"});
      return null;
    } catch (error) {
      return {
        message: String(error.rawMessage || error.message),
        position: typeof error.position === "number" ? error.position : null,
        length: typeof error.length === "number" ? error.length : null,
      };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
