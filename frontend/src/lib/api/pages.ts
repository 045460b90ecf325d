// Lists the API pages by 100 where a page needs every item (a board, a picker, the decisions), not one page.
export const PAGE = 100;

type PageOf<T> = { items: T[]; total: number };

/** Every item of a paged list, asking page after page until the total is reached. */
export async function allPages<T>(fetchPage: (offset: number) => Promise<PageOf<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await fetchPage(offset);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}
