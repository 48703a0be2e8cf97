#!/usr/bin/env node
// Extract KaTeX's tables of control sequences, environments and argument counts from the
// installed `katex` npm package and print them as JSON (written to rules/math/katex_names.json
// by tools/extract_katex_names.py).
//
// The npm package ships no machine-readable list, so this loads dist/katex.js with one line added
// before its export that hands out the internal tables (_functions, symbols, _macros,
// _environments, implicitCommands).  Which environments are display-only is measured by
// rendering each one inline.
//
// usage: node tools/extract_katex_names.js [path/to/node_modules/katex]
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const root = process.argv[2] || path.dirname(require.resolve("katex/package.json"));
const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version;
let source = fs.readFileSync(path.join(root, "dist", "katex.js"), "utf8");
const hook = '__webpack_exports__ = __webpack_exports__["default"];';
if (!source.includes(hook)) throw new Error("unexpected dist/katex.js layout: export line not found");
source = source.replace(hook,
  "katex_webpack.__tables = {functions: _functions, symbols: symbols, macros: _macros, " +
  "environments: _environments, implicit: implicitCommands};\n" + hook);
const sandbox = {module: {exports: {}}, console};
sandbox.exports = sandbox.module.exports;
vm.runInNewContext(source, sandbox, {filename: "katex.js"});
const katex = sandbox.module.exports;
const tables = katex.__tables;

const sorted = (object) => Object.fromEntries(Object.keys(object).sort().map((k) => [k, object[k]]));

const functions = {};
for (const [name, spec] of Object.entries(tables.functions)) {
  const entry = {args: spec.numArgs || 0};
  if (spec.numOptionalArgs) entry.opt = spec.numOptionalArgs;
  if (spec.argTypes) entry.types = spec.argTypes.map((t) => t || null);
  if (spec.allowedInText) entry.text = true;
  if (spec.allowedInMath === false) entry.math = false;
  if (spec.infix) entry.infix = true;
  if (spec.primitive) entry.primitive = true;
  if (spec.allowedInArgument) entry.argument = true;
  functions[name] = entry;
}

const macros = {};
for (const [name, body] of Object.entries(tables.macros)) {
  if (typeof body === "string") {
    let args = 0;
    for (const match of body.matchAll(/#([1-9])/g)) args = Math.max(args, Number(match[1]));
    macros[name] = args;
  } else if (body && typeof body === "object" && typeof body.numArgs === "number") {
    macros[name] = body.numArgs;
  } else {
    macros[name] = -1; // a JavaScript macro: its arguments are read by code, not counted here
  }
}

const environments = {};
for (const [name, spec] of Object.entries(tables.environments)) {
  const args = spec.numArgs || 0;
  const argText = "{c}".repeat(args);
  let displayOnly = false;
  try {
    katex.renderToString(`\\begin{${name}}${argText}x\\end{${name}}`, {displayMode: false, throwOnError: true});
  } catch (error) {
    displayOnly = /only in display mode/.test(String(error.message));
  }
  environments[name] = {args, display_only: displayOnly};
}

const commandsOnly = (object) => Object.keys(object).filter((k) => k.startsWith("\\")).sort();
const data = {
  katex_version: version,
  generated_by: "tools/extract_katex_names.js",
  functions: sorted(functions),
  macros: sorted(macros),
  symbols_math: commandsOnly(tables.symbols.math),
  symbols_text: commandsOnly(tables.symbols.text),
  implicit: Object.keys(tables.implicit).sort(),
  environments: sorted(environments),
};
process.stdout.write(JSON.stringify(data, null, 0) + "\n");
