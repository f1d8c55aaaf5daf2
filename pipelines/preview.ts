// npm run preview: serve the published site (dist/) on http://127.0.0.1:3000 (PORT to change).
import { existsSync } from "node:fs";
import { serveStatic } from "./static-server.ts";

const port = Number(process.env.PORT ?? 3000);
if (!existsSync("dist/index.html")) {
  console.error("No site in dist/ yet: run 'npm start' first.");
  process.exit(1);
}
await serveStatic("dist", port);
console.log(`Serving dist/ at http://127.0.0.1:${port}/ (Ctrl+C to stop)`);
