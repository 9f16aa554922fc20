import { m } from '$lib/paraglide/messages.js';

/** The German labels of the frontmatter fields the editor shows as their own inputs. */
const labels: Record<string, () => string> = {
	summary: m.studio_field_summary,
	minutes: m.studio_field_minutes,
	passPercent: m.studio_field_passPercent,
	attempts: m.studio_field_attempts
};

export const fieldLabel = (key: string): string => labels[key]?.() ?? key;
