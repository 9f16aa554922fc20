import { and, eq } from 'drizzle-orm';
import { getDb, schema } from '$lib/server/db';

/** A person's mentoring and Hospitation notices (kind mentoring_update), as stored. */
export const mentoringNotices = (userId: string) =>
	getDb()
		.select({ data: schema.notifications.data, link: schema.notifications.link })
		.from(schema.notifications)
		.where(
			and(
				eq(schema.notifications.userId, userId),
				eq(schema.notifications.kind, 'mentoring_update')
			)
		)
		.all();

/** The subjects of the mails queued for a person. */
export const mailSubjectsTo = (userId: string) =>
	getDb()
		.select({ subject: schema.mailOutbox.subject })
		.from(schema.mailOutbox)
		.where(eq(schema.mailOutbox.userId, userId))
		.all()
		.map((row) => row.subject);
