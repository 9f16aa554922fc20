import type { Page } from '@playwright/test';

/** Links not to follow in a sweep: downloads, sign-out, language switch, other hosts. */
const SKIP =
	/[./](zip|csv|pdf|ics|json|md|png|jpg|mp3|odt|docx)(\?|$)|^\/(abmelden|sprache|medien)/;

/** `/kurse/a/b` and `/trainer/lehrgaenge/12` group by shape, so one page stands for its kind. */
export function routePattern(path: string) {
	const [pathname] = path.split(/[?#]/);
	return pathname!
		.split('/')
		.map((segment, index) => (index > 2 || /\d/.test(segment) ? ':' : segment))
		.join('/');
}

/** Same-origin paths linked from the page, in document order. */
export async function crawlTargets(page: Page): Promise<string[]> {
	const hrefs = await page.$$eval('a[href]:not([download])', (links) =>
		links.map((link) => (link as HTMLAnchorElement).href)
	);
	const origin = new URL(page.url()).origin;
	return hrefs
		.map((href) => new URL(href))
		.filter((url) => url.origin === origin)
		.map((url) => url.pathname + url.search)
		.filter((path) => !SKIP.test(path));
}

/**
 * What makes a page hard to use on a phone: the page scrolls sideways, an element sticks out of
 * the screen, a region that scrolls sideways cannot be reached by keyboard or has no name, or a
 * radio button or checkbox is smaller than the 24 px target size (WCAG 2.2).
 */
export async function layoutProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const width = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth > width) {
			const wide = [...document.querySelectorAll('main *, header *')]
				.filter((element) => element.getBoundingClientRect().right > width + 1)
				.filter((element) => !element.closest('[data-scroll-region]'))
				.slice(0, 3)
				.map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
			problems.push(`scrolls sideways (${document.documentElement.scrollWidth} px): ${wide}`);
		}
		for (const element of document.querySelectorAll<HTMLElement>('main *')) {
			// Sizes first: computing every element's style costs ~1 s on a long page.
			if (element.scrollWidth <= element.clientWidth + 1) continue;
			if (!/auto|scroll/.test(getComputedStyle(element).overflowX)) continue;
			const named = element.getAttribute('aria-label') || element.getAttribute('aria-labelledby');
			if (element.tabIndex < 0 || !named) {
				problems.push(`scroll region without keyboard access or name: ${element.className}`);
			}
		}
		for (const input of document.querySelectorAll<HTMLInputElement>(
			'input[type=radio], input[type=checkbox]'
		)) {
			const box = input.getBoundingClientRect();
			if (box.width > 0 && (box.width < 24 || box.height < 24)) {
				problems.push(`choice smaller than 24 px: ${input.name} (${box.width}×${box.height})`);
			}
		}
		return problems;
	});
}
