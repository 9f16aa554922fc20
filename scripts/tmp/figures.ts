import { getCatalogue, getQuiz, listTrainerMaterial } from '../../src/lib/server/content';
for (const course of getCatalogue()) {
	const items = course.modules.flatMap((m) => m.items);
	const lessons = items.filter((i) => i.type === 'lesson');
	const minutes = lessons.reduce((s, l) => s + ((l as { minutes?: number }).minutes ?? 0), 0);
	const quizzes = items
		.filter((i) => i.type === 'quiz')
		.map((q) => {
			const def = getQuiz(q.id)!;
			return `${def.questions.length}${def.draw ? ` (draw ${def.draw})` : ''}`;
		});
	const assignments = items.filter((i) => i.type === 'assignment') as { required: boolean }[];
	const trainer = course.modules.reduce((s, m) => s + listTrainerMaterial(m.id).length, 0);
	const cert = course.certificate;
	console.log(
		`${course.id}: ${course.modules.length} modules, ${lessons.length} lessons / ${minutes} min, quizzes [${quizzes.join(', ')}], Praxisaufgaben ${assignments.length} (${assignments.filter((a) => a.required).length} required), trainer material ${trainer}, UE ${cert?.hours ?? '-'}${cert?.hoursSplit ? ` = ${JSON.stringify(cert.hoursSplit)}` : ''}, ${cert?.kind ?? 'no certificate'}`
	);
}
