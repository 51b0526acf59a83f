// dist/charm.js, the file dispatch runs: refuses a Node.js older than the bundle targets with one
// clear line, then loads the bundle (dist/glance.js). The charm carries the right Node
// (runtime/bin/node); this check matters when dispatch fell back to a system node because that
// binary is missing. Checking here rather than with `node --version` in dispatch saves a process.
//
// Written for any Node: no import/export syntax and no import.meta, so a Node too old for ES
// modules (10, which reads this file as CommonJS) parses it and prints the message instead of a
// SyntaxError (no optional chaining either: Node 12 cannot parse it). The dynamic import is built
// at run time for the same reason.
// scripts/build.mjs puts the shipped runtime's major version in place of the marker below.
var required = Number('__RUNTIME_MAJOR__');
var major = Number(process.versions.node.split('.')[0]);
if (!(major >= required)) {
  // dispatch only falls back to a system node when the charm's own is not there to run.
  process.stderr.write(`glance charm: needs Node.js ${required} or newer, but ${process.execPath} is ${process.version} and the charm's own runtime/bin/node is missing\n`);
  process.exit(1);
}
// V8's compiled code for the bundle, kept in the charm dir (unit-local): later hooks skip compiling
// it, about a sixth of a hook's own time (BENCHMARKS.md). Entries are keyed by the source's hash
// and Node's version, so an upgraded charm compiles afresh, and a damaged entry is recompiled.
var nodeModule = process.getBuiltinModule ? process.getBuiltinModule('node:module') : {};
if (nodeModule.enableCompileCache) nodeModule.enableCompileCache(process.argv[1].replace(/dist\/charm\.js$/, '.node-compile-cache'));
// process.argv[1] is this file's absolute path; the bundle sits next to it.
var bundle = new URL('glance.js', `file://${encodeURI(process.argv[1]).replace(/[?#]/g, encodeURIComponent)}`).href;
var load = new Function('url', 'return import(url)');
load(bundle).catch((error) => {
  process.stderr.write(`glance charm: cannot load ${bundle}: ${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
