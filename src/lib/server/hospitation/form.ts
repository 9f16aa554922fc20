import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { isIsoDate } from '../cohorts/dates';
import { boundedText } from '../mentoring/form';

export const PLACES_MAX = 20;
export const MOTIVATION_MIN = 20;
export const MOTIVATION_MAX = 1000;

const line = (min: number, max: number) =>
	boundedText(
		min,
		max,
		m.hospitation_error_text({ min, max }),
		m.hospitation_error_text({ min, max })
	);

const day = () =>
	z.string({ error: m.mentoring_error_date() }).trim().refine(isIsoDate, m.mentoring_error_date());

export const organisationSchema = () =>
	z.object({
		name: line(2, 150),
		district: line(2, 80),
		address: line(3, 200),
		contact: line(3, 200)
	});

export const hospitationOfferSchema = () =>
	z
		.object({
			organisationId: z.string().max(40),
			title: line(3, 150),
			description: line(10, 2000),
			places: z.coerce
				.number({ error: m.hospitation_error_places({ max: PLACES_MAX }) })
				.int(m.hospitation_error_places({ max: PLACES_MAX }))
				.min(1, m.hospitation_error_places({ max: PLACES_MAX }))
				.max(PLACES_MAX, m.hospitation_error_places({ max: PLACES_MAX })),
			startsOn: day(),
			endsOn: day()
		})
		.refine((offer) => offer.endsOn >= offer.startsOn, {
			path: ['endsOn'],
			message: m.hospitation_error_period()
		});

export const applySchema = () =>
	z.object({
		offerId: z.string().max(40),
		motivation: boundedText(
			MOTIVATION_MIN,
			MOTIVATION_MAX,
			m.hospitation_error_motivation({ min: MOTIVATION_MIN }),
			m.hospitation_error_motivation_long({ max: MOTIVATION_MAX })
		)
	});

export const acceptSchema = () => z.object({ applicationId: z.string().max(40) });

export const rejectSchema = () =>
	z.object({
		applicationId: z.string().max(40),
		reason: boundedText(
			3,
			500,
			m.mentoring_error_reason({ min: 3 }),
			m.mentoring_error_reason_long({ max: 500 })
		)
	});
