import { vi } from 'vitest';

/** The reply of a mocked route: a JSON body with a status, or a Response built by the test. */
export type MockReply =
  { status?: number; body: unknown; headers?: Record<string, string> } | Response;
export type MockHandler = (url: URL) => MockReply | Promise<MockReply>;

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/**
 * Replaces fetch with a router over path names ("/api/v1/stores"). A request to a path without
 * a handler fails the test with the path in the message. Returns the mock, whose calls the test
 * can read.
 */
export function mockFetch(routes: Record<string, MockHandler>) {
  // Typed with fetch's second argument, so that tests can read the method, headers and body.
  const mock = vi.fn<(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>>(
    async (input) => {
      const url = new URL(String(input instanceof Request ? input.url : input), 'http://localhost');
      const handler = routes[url.pathname];
      if (!handler) throw new Error(`unexpected request in test: ${url.pathname}${url.search}`);
      const reply = await handler(url);
      if (reply instanceof Response) return reply;
      return jsonResponse(reply.body, reply.status ?? 200, reply.headers);
    },
  );
  vi.stubGlobal('fetch', mock);
  return mock;
}

/** Returns the URLs fetch was called with, for checks on query parameters. */
export function requestedUrls(mock: ReturnType<typeof mockFetch>): URL[] {
  return mock.mock.calls.map(([input]) => new URL(String(input), 'http://localhost'));
}

/** Returns the JSON bodies sent to `pathname`, in the order they were sent. */
export function sentBodies(mock: ReturnType<typeof mockFetch>, pathname: string): unknown[] {
  return mock.mock.calls
    .filter(([input]) => new URL(String(input), 'http://localhost').pathname === pathname)
    .map(([, init]) => JSON.parse(String(init?.body ?? 'null')) as unknown);
}
