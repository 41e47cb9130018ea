// Runs Material's own search worker in Node against a built edition's search index, so the
// tests query exactly what a reader's browser would: node search_index.js SITE_DIR QUERY...
// Prints the result locations for each query as JSON.
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, ...queries] = process.argv.slice(2);
const workers = path.join(site, "assets", "javascripts", "workers");
const worker = fs.readdirSync(workers).find((name) => /^search\..*\.min\.js$/.test(name));
let handler = null;
globalThis.self = globalThis;
globalThis.importScripts = (...urls) => {
  for (const url of urls) vm.runInThisContext(fs.readFileSync(path.join(workers, url), "utf8"));
};
globalThis.addEventListener = (type, listener) => { if (type === "message") handler = listener; };
globalThis.postMessage = (message) => globalThis.onReply(message);
vm.runInThisContext(fs.readFileSync(path.join(workers, worker), "utf8"));

function send(message) {
  return new Promise((resolve) => { globalThis.onReply = resolve; handler({ data: message }); });
}

(async () => {
  const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
  await send({ type: 0, data: { ...index, options: { suggest: false } } });
  const answers = {};
  for (const query of queries) {
    const reply = await send({ type: 2, data: query });
    // Results come grouped by page: the page first, then its matching sections.
    answers[query] = reply.data.items.map((group) => group[0].location);
  }
  process.stdout.write(JSON.stringify(answers));
})();
