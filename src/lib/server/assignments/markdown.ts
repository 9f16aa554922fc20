import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Raw HTML in the Markdown is dropped by remark-rehype (no allowDangerousHtml); rehype-sanitize
// (GitHub's schema) then strips dangerous attributes and URLs such as `javascript:`.
const processor = unified()
	.use(remarkParse)
	.use(remarkRehype)
	.use(rehypeSanitize)
	.use(rehypeStringify);

/** A learner's answer or a trainer's feedback, written in Markdown, as safe HTML. */
export function renderUserMarkdown(markdown: string): string {
	return String(processor.processSync(markdown));
}
