/** One page of a list route. */
export interface Page<T> {
  items: T[];
  page: number;
  page_size: number;
  total: number;
}

export interface PageBody<T> {
  items?: T[];
  page?: number;
  page_size?: number;
  total?: number;
  [name: string]: unknown;
}

/**
 * Returns the rows of a list response: the server sends `{"items": [...], ...}`; a bare array or
 * rows under the resource's own name are read too.
 */
export function listItems<T>(body: PageBody<T> | T[], name: string): T[] {
  if (Array.isArray(body)) return body;
  const named = body[name];
  return body.items ?? (Array.isArray(named) ? (named as T[]) : []);
}

/** Reads a paged response; a missing total counts the rows up to this page only. */
export function toPage<T>(
  body: PageBody<T> | T[],
  name: string,
  page: number,
  pageSize: number,
): Page<T> {
  const items = listItems(body, name);
  if (Array.isArray(body)) return { items, page, page_size: pageSize, total: items.length };
  return {
    items,
    page: body.page ?? page,
    page_size: body.page_size ?? pageSize,
    total: body.total ?? (page - 1) * pageSize + items.length,
  };
}

export function pageCount(page: Page<unknown>): number {
  return Math.max(1, Math.ceil(page.total / Math.max(1, page.page_size)));
}
