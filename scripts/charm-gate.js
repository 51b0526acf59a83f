// dist/charm.js, the file dispatch runs: refuses a Node.js older than the bundle needs with one
// clear line, then loads the bundle (dist/glance.js). Checking here rather than with a
// `node --version` in dispatch saves a process per hook.
//
// Written for any Node: no import/export syntax and no import.meta, so a Node too old for ES
// modules (10, which reads this file as CommonJS) parses it and prints the message instead of a
// SyntaxError. The dynamic import is built at run time for the same reason.
var required = 18;
var major = Number(process.versions.node.split('.')[0]);
if (!(major >= required)) {
  process.stderr.write(`glance charm: needs Node.js ${required} or newer, but ${process.execPath} is ${process.version}\n`);
  process.exit(1);
}
// process.argv[1] is this file's absolute path; the bundle sits next to it.
var bundle = new URL('glance.js', `file://${encodeURI(process.argv[1]).replace(/[?#]/g, encodeURIComponent)}`).href;
var load = new Function('url', 'return import(url)');
load(bundle).catch((error) => {
  process.stderr.write(`glance charm: cannot load ${bundle}: ${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
