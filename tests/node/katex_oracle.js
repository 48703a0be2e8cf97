// Render formulas with real KaTeX and GitLab's options; one process for a whole batch.
// stdin: JSON [[tex, display], ...]; stdout: JSON {"version": "...", "results": [null | "error message", ...]}
"use strict";
const katex = require("katex");
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const results = JSON.parse(input).map(([tex, display]) => {
    try {
      katex.renderToString(tex, {displayMode: display, throwOnError: true, maxSize: 20, maxExpand: 1000, strict: "ignore"});
      return null;
    } catch (error) {
      return String(error.message);
    }
  });
  process.stdout.write(JSON.stringify({version: katex.version, results}));
});
