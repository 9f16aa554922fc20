/** One page of a list: which page it is, how many there are, and where its rows start. */
export interface PageWindow {
	page: number;
	pages: number;
	total: number;
	offset: number;
}

/** The requested page among `total` rows, clamped to the pages there are (at least one). */
export function pageWindow(total: number, requested: number, size: number): PageWindow {
	const pages = Math.max(1, Math.ceil(total / size));
	const page = Math.min(Math.max(1, Math.floor(requested) || 1), pages);
	return { page, pages, total, offset: (page - 1) * size };
}

/** The same for rows already in memory (lists sorted by derived figures). */
export function pageOf<T>(rows: T[], requested: number, size: number) {
	const { page, pages, total, offset } = pageWindow(rows.length, requested, size);
	return { rows: rows.slice(offset, offset + size), page, pages, total };
}

interface CountQuery {
	get(): { n: number } | undefined;
}

interface OrderedQuery<T> {
	limit(limit: number): { offset(offset: number): { all(): T[] } };
}

/**
 * One page of a list read from the database: `count` counts the matching rows (`{ n }`),
 * `rows` selects them in order. The count runs first, so the page is clamped to what exists.
 */
export function pageOfQuery<T>(
	count: CountQuery,
	rows: OrderedQuery<T>,
	requested: number,
	size: number
) {
	const { page, pages, total, offset } = pageWindow(count.get()?.n ?? 0, requested, size);
	return { rows: rows.limit(size).offset(offset).all(), total, page, pages };
}
