/** What the server sends for one path. */
export interface Route {
  contentType: string;
  body: string;
  status?: number;
  /** Stream without Content-Length, so a reader cannot rely on the header to cap the size. */
  chunked?: boolean;
}

export type Routes = Map<string, Route>;

export const HTML = 'text/html; charset=utf-8';
export const JSON_TYPE = 'application/json';

export function htmlRoute(body: string): Route {
  return { contentType: HTML, body };
}

export function jsonRoute(value: unknown): Route {
  return { contentType: JSON_TYPE, body: JSON.stringify(value, null, 2) };
}

/** Origins of the three demo sites, e.g. `http://localhost:4101`. */
export interface DemoOrigins {
  alex: string;
  mike: string;
  other: string;
}
