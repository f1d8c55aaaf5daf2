// npm run preview: serve the published public site (dist/) on http://127.0.0.1:3000.
// npm run preview -- internal: the commissioners' internal site (dist-internal/) on port 3001.
// PORT changes the port. Both bind to 127.0.0.1 only: the internal site must not be exposed.
import { existsSync } from "node:fs";
import { serveStatic } from "./server.ts";

const internal = process.argv.includes("internal");
const dir = internal ? "dist-internal" : "dist";
const port = Number(process.env.PORT ?? (internal ? 3001 : 3000));
if (!existsSync(`${dir}/index.html`)) {
  console.error(`No site in ${dir}/ yet: run 'npm start' first.`);
  process.exit(1);
}
await serveStatic(dir, port);
console.log(`Serving ${dir}/ at http://127.0.0.1:${port}/ (Ctrl+C to stop)`);
