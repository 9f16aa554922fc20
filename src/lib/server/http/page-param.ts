/** The page asked for with `?seite=`: 1 when missing or not a number, at most 10,000. */
export function pageParam(params: URLSearchParams): number {
	const requested = Number.parseInt(params.get('seite') ?? '1', 10) || 1;
	return Math.min(10_000, Math.max(1, requested));
}
