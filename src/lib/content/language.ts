/**
 * The language course content is written in. A course declares it in course.md (`language:`,
 * see the content contract); this is the contract's default for a course that declares none.
 * Pages mark content with it (`lang`), so that screen readers pronounce German course text as
 * German under the English interface (WCAG 3.1.2).
 */
export const DEFAULT_CONTENT_LANGUAGE = 'de';

/** Each course's declared language by course ID, as the root layout hands it to every page. */
export type ContentLanguages = Readonly<Record<string, string>>;

/**
 * The language of a course, module or item (`<course>/<module>/<item>`: the course is the part
 * before the first slash), or the default for content whose course is unknown.
 */
export function contentLanguageOf(
	languages: ContentLanguages | undefined,
	id: string | null | undefined
): string {
	const courseId = id?.split('/', 1)[0];
	return (courseId && languages?.[courseId]) || DEFAULT_CONTENT_LANGUAGE;
}
