"""Views of the quizzes app, one module per noun: practice, quizzes, attempts, results."""
