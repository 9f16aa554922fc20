import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { alumniContactChoices } from '../db/schema';
import { asOneLine } from '../validation/text';

export const ORGANISATION_MAX = 120;
export const LIST_MAX_ENTRIES = 10;
export const ENTRY_MAX = 40;

const cleaned = (text: string) => asOneLine(text).replace(/\s+/g, ' ').trim();

/** Letters of any script, spaces, hyphens, apostrophes, dots, ampersands and plus signs. */
const ENTRY_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M}\p{N} '’.&+-]*$/u;

/**
 * A comma-separated list ("Deutsch, Türkisch"): at most ten entries of at most 40 characters,
 * each starting with a letter; repeated entries (in any case) count once.
 */
const entryList = (message: () => string) =>
	z
		.string()
		.max(1000, message())
		.transform((text, context) => {
			const entries: string[] = [];
			for (const raw of text.split(/[,;\n]/)) {
				const entry = cleaned(raw);
				if (!entry) continue;
				if ([...entry].length > ENTRY_MAX || !ENTRY_PATTERN.test(entry)) {
					context.addIssue({ code: 'custom', message: message() });
					return z.NEVER;
				}
				if (!entries.some((known) => known.toLowerCase() === entry.toLowerCase()))
					entries.push(entry);
			}
			if (entries.length > LIST_MAX_ENTRIES) {
				context.addIssue({ code: 'custom', message: message() });
				return z.NEVER;
			}
			return entries;
		});

/** A checkbox (CheckboxField): "ja" or absent. */
const flag = () =>
	z
		.literal('ja')
		.optional()
		.transform((value) => value === 'ja');

const PHONE_PATTERN = /^\+?[0-9][0-9 ()/-]{5,24}$/;

export const profileSchema = () =>
	z
		.object({
			visible: flag(),
			showName: flag(),
			organisation: z
				.string()
				.overwrite(cleaned)
				.max(ORGANISATION_MAX, m.alumni_error_organisation({ max: ORGANISATION_MAX }))
				.default(''),
			showOrganisation: flag(),
			languages: entryList(() =>
				m.alumni_error_list({ entries: LIST_MAX_ENTRIES, max: ENTRY_MAX })
			).default([]),
			showLanguages: flag(),
			topics: entryList(() =>
				m.alumni_error_list({ entries: LIST_MAX_ENTRIES, max: ENTRY_MAX })
			).default([]),
			showTopics: flag(),
			contact: z.enum(alumniContactChoices, { error: m.alumni_error_contact() }),
			phone: z.string().overwrite(cleaned).max(30, m.alumni_error_phone()).default('')
		})
		.superRefine((profile, context) => {
			if (profile.phone && !PHONE_PATTERN.test(profile.phone))
				context.addIssue({ code: 'custom', path: ['phone'], message: m.alumni_error_phone() });
			else if (profile.contact === 'phone' && !profile.phone)
				context.addIssue({ code: 'custom', path: ['phone'], message: m.alumni_error_phone() });
			if (profile.showOrganisation && !profile.organisation)
				context.addIssue({
					code: 'custom',
					path: ['organisation'],
					message: m.alumni_error_organisation_missing()
				});
		});

export type ProfileInput = z.output<ReturnType<typeof profileSchema>>;
