// One small GET client for every live fetcher. Publishers' APIs fail in ordinary ways (a 500
// during a deploy, 429 when we are too quick, a connection that stalls): each attempt has its
// own timeout, transient failures are retried with capped exponential backoff and jitter, and a
// 429's Retry-After is obeyed rather than guessed. Effects (fetch, sleep, clock, randomness) are
// passed in so tests run in milliseconds and can see every delay that was asked for.

export interface HttpOptions {
  /** Per attempt, covering the headers and the whole body. */
  timeoutMs?: number;
  /** Total attempts including the first. */
  maxAttempts?: number;
  /** Backoff before retry n is drawn from [d/2, d] with d = min(maxDelayMs, baseDelayMs * 2^(n-1)). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is treated as "not today": we stop rather than hold a run open. */
  maxRetryAfterMs?: number;
  headers?: Record<string, string>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  fetch?: typeof globalThis.fetch;
  /** Called before each wait, so callers can log or count retries. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  url: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  body: Buffer;
  attempts: number;
}

export class HttpError extends Error {
  constructor(
    readonly url: string,
    readonly attempts: number,
    readonly lastStatus: number | null,
    readonly reason: string,
  ) {
    const status = lastStatus === null ? "no HTTP status" : `last status ${lastStatus}`;
    super(`GET ${url} failed after ${attempts} attempt${attempts === 1 ? "" : "s"} (${status}): ${reason}`);
    this.name = "HttpError";
  }
}

const DEFAULT_HTTP: Required<Pick<HttpOptions, "timeoutMs" | "maxAttempts" | "baseDelayMs" | "maxDelayMs" | "maxRetryAfterMs">> = {
  timeoutMs: 30_000,
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxRetryAfterMs: 5 * 60_000,
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 408 and 429 are the server asking us to come back; 5xx is the server's own trouble. */
const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3); null if unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

function backoffDelay(retry: number, options: { baseDelayMs: number; maxDelayMs: number; random: () => number }): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  // "Equal jitter": never less than half the step, so a crowd of clients still spreads out
  // without any of them hammering straight back.
  return Math.round(ceiling / 2 + options.random() * (ceiling / 2));
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "timed out";
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : "";
    return `${error.message}${detail}`;
  }
  return String(error);
}

export async function httpGet(url: string, options: HttpOptions = {}): Promise<HttpResponse> {
  const settings = { ...DEFAULT_HTTP, ...options };
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const fetchImpl = options.fetch ?? globalThis.fetch;

  let lastStatus: number | null = null;
  for (let attempt = 1; ; attempt++) {
    let reason: string;
    let retryAfterMs: number | null = null;
    try {
      const response = await fetchImpl(url, {
        headers: options.headers,
        signal: AbortSignal.timeout(settings.timeoutMs),
        redirect: "follow",
      });
      lastStatus = response.status;
      // Reading the body under the same signal: a server that sends headers and then stalls
      // is a timeout too, not a hang.
      const body = Buffer.from(await response.arrayBuffer());
      if (response.ok) return { url, status: response.status, headers: response.headers, body, attempts: attempt };
      const excerpt = body.toString("utf8", 0, Math.min(body.length, 200)).replace(/\s+/g, " ").trim();
      reason = `HTTP ${response.status}${excerpt ? ` ${excerpt}` : ""}`;
      if (!retryableStatus(response.status)) throw new HttpError(url, attempt, lastStatus, reason);
      if (response.status === 429 || response.status === 503) {
        retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now());
        if (retryAfterMs !== null && retryAfterMs > settings.maxRetryAfterMs) {
          throw new HttpError(url, attempt, lastStatus, `${reason}; Retry-After asks for ${Math.round(retryAfterMs / 1000)} s, more than the ${Math.round(settings.maxRetryAfterMs / 1000)} s allowed`);
        }
      }
    } catch (error) {
      if (error instanceof HttpError) throw error;
      // Network errors, resets, truncated bodies and timeouts: the request may succeed next time.
      reason = describe(error);
    }
    if (attempt >= settings.maxAttempts) throw new HttpError(url, attempt, lastStatus, reason);
    const delayMs = retryAfterMs ?? backoffDelay(attempt, { ...settings, random });
    options.onRetry?.({ url, attempt, delayMs, reason });
    await sleep(delayMs);
  }
}

/**
 * Spaces requests at least minIntervalMs apart (start to start). Publishers that publish no
 * rate limit (CQC) still deserve one; the clock and sleep are injectable for tests.
 */
export class Pacer {
  private last: number | null = null;
  constructor(
    private readonly minIntervalMs: number,
    private readonly sleep: (ms: number) => Promise<void> = realSleep,
    private readonly now: () => number = Date.now,
  ) {}

  async wait(): Promise<void> {
    if (this.last !== null) {
      const due = this.last + this.minIntervalMs - this.now();
      if (due > 0) await this.sleep(due);
    }
    this.last = this.now();
  }
}
