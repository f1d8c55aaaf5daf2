// A local stand-in for the publishers' APIs: an http.Server on 127.0.0.1 (port 0, so tests
// never collide) that replays payloads built from the bundled real files, with scripted faults.
// Each route holds a list of steps; every request takes the next one and the last repeats, so
// "500, then the payload" is [{ status: 500 }, { body }]. Every request is recorded for asserts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Step =
  /** A complete response. */
  | { status?: number; body: string; contentType?: string; headers?: Record<string, string> }
  /** An error status, optionally with headers such as Retry-After. */
  | { status: number; body?: undefined; headers?: Record<string, string> }
  /** Headers sent, then nothing: the client's timeout must fire. */
  | { stall: true }
  /** Declares the full length, sends only the first `bytes`, then drops the connection. */
  | { cutConnection: string; bytes: number }
  /** A well-formed HTTP response whose JSON body is cut off after `bytes`. */
  | { truncatedJson: string; bytes: number };

export interface Recorded {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  at: number;
}

interface Route {
  path: string;
  query: Record<string, string>;
  steps: Step[];
  served: number;
}

export class ReplayServer {
  readonly requests: Recorded[] = [];
  private readonly routes: Route[] = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  base = "";

  /**
   * Scripts a route. `query` narrows it to requests carrying those parameter values (e.g. a
   * cursor); the most specific matching route wins, and a later route overrides an equal one.
   */
  on(path: string, steps: Step[], query: Record<string, string> = {}): this {
    if (steps.length === 0) throw new Error("a route needs at least one step");
    this.routes.push({ path, query, steps, served: 0 });
    return this;
  }

  /** Requests that reached a path (with any query). */
  hits(path: string): Recorded[] {
    return this.requests.filter((request) => request.path === path);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => this.handle(request, response));
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    // Stalled responses hold sockets open; close() alone would wait for them forever.
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private match(path: string, query: URLSearchParams): Route | undefined {
    // Most specific first; among equals the latest scripted, so a test can override one route.
    return [...this.routes]
      .reverse()
      .filter((route) => route.path === path && Object.entries(route.query).every(([key, value]) => query.get(key) === value))
      .sort((a, b) => Object.keys(b.query).length - Object.keys(a.query).length)[0];
  }

  private handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", this.base);
    this.requests.push({ path: url.pathname, query: url.searchParams, headers: request.headers, at: Date.now() });
    const route = this.match(url.pathname, url.searchParams);
    if (!route) {
      response.writeHead(404, { "content-type": "text/plain" }).end(`no replay scripted for ${url.pathname}${url.search}`);
      return;
    }
    const step = route.steps[Math.min(route.served, route.steps.length - 1)]!;
    route.served++;

    if ("stall" in step) {
      response.writeHead(200, { "content-type": "application/json" });
      response.flushHeaders();
      return;
    }
    if ("cutConnection" in step) {
      const body = Buffer.from(step.cutConnection);
      response.writeHead(200, { "content-type": "application/json", "content-length": String(body.length) });
      response.write(body.subarray(0, step.bytes), () => response.socket?.destroy());
      return;
    }
    if ("truncatedJson" in step) {
      response.writeHead(200, { "content-type": "application/json" }).end(Buffer.from(step.truncatedJson).subarray(0, step.bytes));
      return;
    }
    const status = step.status ?? 200;
    const contentType = "contentType" in step && step.contentType ? step.contentType : "application/json";
    response.writeHead(status, { "content-type": contentType, ...step.headers }).end(step.body ?? "");
  }
}
