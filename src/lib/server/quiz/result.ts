import { getQuiz } from '../content';
import { attemptsLeft, grantedAttempts, listAttempts, type StoredAttempt } from './attempts';
import { answerVisibility, reviewAttempt, type AnswerVisibility } from './review';

/**
 * A submitted attempt as its result page shows it. Whether correct answers are shown depends on
 * all of the learner's attempts (passed? any left?) under the quiz's current rules; the
 * attempt's snapshot stands in when the quiz has left the content.
 */
export function attemptResult(
	attempt: StoredAttempt & { result: NonNullable<StoredAttempt['result']> }
): {
	answers: AnswerVisibility;
	questions: ReturnType<typeof reviewAttempt>;
} {
	const rules = getQuiz(attempt.quizId) ?? attempt.quiz;
	const attempts = listAttempts(attempt.userId, attempt.quizId);
	const answers = answerVisibility(rules.showAnswers, {
		passed: attempts.some((entry) => entry.passed),
		attemptsLeft: attemptsLeft(
			rules.attempts,
			attempts.length,
			grantedAttempts(attempt.userId, attempt.quizId)
		)
	});
	return {
		answers,
		questions: reviewAttempt(attempt.quiz, attempt.layout, attempt.answers, attempt.result, answers)
	};
}
