/**
 * Requests to Tsunagi's APIs: JSON in and out, the session cookie, and the CSRF token header on every request
 * once it is known (from the login or GET /api/agent/me). Failures become ApiError with the server's words.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

function errorOf(status: number, body: unknown, statusText: string): ApiError {
  if (typeof body === 'object' && body !== null) {
    const { Code, Message } = body as { Code?: unknown; Message?: unknown };
    if (typeof Message === 'string')
      return new ApiError(status, typeof Code === 'string' ? Code : 'Error', Message);
  }
  return new ApiError(status, 'Error', `${status} ${statusText}`);
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'NetworkError', 'network');
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!res.ok) throw errorOf(res.status, parsed, res.statusText);
  return parsed as T;
}
