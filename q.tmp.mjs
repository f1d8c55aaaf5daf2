import { DuckDBInstance } from "@duckdb/node-api";
const db = await (await DuckDBInstance.create(process.argv[2] ?? "warehouse/warehouse.duckdb", { access_mode: "READ_ONLY" })).connect();
for (const sql of process.argv.slice(3)) { const r = await db.runAndReadAll(sql); console.log(JSON.stringify(r.getRowObjectsJson()).slice(0, 4000)); }
