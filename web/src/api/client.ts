/**
 * Requests to Tsunagi's APIs: JSON in and out, the session cookie, and the CSRF token header on every request
 * once it is known (from the login or GET /api/agent/me). Failures become ApiError with the server's words.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** PropertyValidationException's problems, when the server sent them. */
    readonly problems: PropertyProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface PropertyProblem {
  PropertyPath: string;
  Reason: string;
  Message: string;
}

function problemsOf(list: unknown): PropertyProblem[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((p: unknown) => {
    if (typeof p !== 'object' || p === null) return [];
    const { PropertyPath, Reason, Message } = p as Record<string, unknown>;
    return typeof Message === 'string'
      ? [
          {
            PropertyPath: typeof PropertyPath === 'string' ? PropertyPath : '',
            Reason: typeof Reason === 'string' ? Reason : '',
            Message,
          },
        ]
      : [];
  });
}

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

function errorOf(status: number, body: unknown, statusText: string): ApiError {
  if (typeof body === 'object' && body !== null) {
    const { Code, Message, PropertyList } = body as {
      Code?: unknown;
      Message?: unknown;
      PropertyList?: unknown;
    };
    if (typeof Message === 'string')
      return new ApiError(
        status,
        typeof Code === 'string' ? Code : 'Error',
        Message,
        problemsOf(PropertyList),
      );
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
