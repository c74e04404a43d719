from django.urls import path

from ajquiz.classes.views import (
    analysis,
    assignments,
    authoring,
    bank,
    classrooms,
    gradebook,
    preview,
    quiz_settings,
    sets,
    student,
)

app_name = "classes"

urlpatterns = [
    # Students
    path("my-classes/", student.my_classes, name="mine"),
    path("my-classes/join/", student.join, name="join"),
    path("my-classes/<uuid:uid>/leave/", student.leave, name="leave"),
    # Teachers: classes, rosters, assignments, gradebooks
    path("teach/classes/", classrooms.classroom_list, name="classrooms"),
    path("teach/classes/<uuid:uid>/", classrooms.classroom_detail, name="classroom"),
    path("teach/classes/<uuid:uid>/settings/", classrooms.classroom_edit, name="classroom_edit"),
    path("teach/classes/<uuid:uid>/code/", classrooms.new_code, name="new_code"),
    path("teach/classes/<uuid:uid>/students/", classrooms.add_student, name="add_student"),
    path(
        "teach/classes/<uuid:uid>/students/<uuid:membership_uid>/remove/",
        classrooms.remove_student,
        name="remove_student",
    ),
    path("teach/classes/<uuid:uid>/assign/", assignments.assign, name="assign"),
    path("teach/classes/<uuid:uid>/gradebook/", gradebook.gradebook, name="gradebook"),
    path(
        "teach/classes/<uuid:uid>/gradebook.csv",
        gradebook.gradebook_download,
        name="gradebook_csv",
    ),
    path("teach/assignments/<uuid:uid>/", assignments.assignment_detail, name="assignment"),
    path("teach/assignments/<uuid:uid>/remove/", assignments.unassign, name="unassign"),
    path("teach/assignments/<uuid:uid>/deck/", assignments.make_deck, name="make_deck"),
    path(
        "teach/assignments/<uuid:uid>/students/<uuid:membership_uid>/",
        assignments.student_work,
        name="student_work",
    ),
    path(
        "teach/assignments/<uuid:uid>/students/<uuid:membership_uid>/extension/remove/",
        assignments.remove_extension,
        name="remove_extension",
    ),
    # Teachers: the question-set builder and quiz settings
    path("teach/sets/", sets.set_list, name="sets"),
    path("teach/sets/<uuid:uid>/", sets.set_detail, name="set"),
    path("teach/sets/<uuid:uid>/details/", sets.set_edit, name="set_edit"),
    path("teach/sets/<uuid:uid>/move/", sets.move_entry, name="move_entry"),
    path("teach/sets/<uuid:uid>/remove/", sets.remove_entry, name="remove_entry"),
    path("teach/sets/<uuid:uid>/draws/new/", sets.add_draw, name="add_draw"),
    path("teach/sets/<uuid:uid>/draws/count/", sets.draw_count, name="draw_count"),
    path("teach/sets/<uuid:uid>/quizzes/new/", sets.new_quiz, name="new_quiz"),
    path("teach/sets/<uuid:uid>/bank/", bank.bank, name="bank"),
    path("teach/sets/<uuid:uid>/bank/add/", bank.add_question, name="add_question"),
    path("teach/sets/<uuid:uid>/write/<slug:kind>/", authoring.write, name="write"),
    path(
        "teach/sets/<uuid:uid>/questions/<uuid:question_uid>/edit/",
        authoring.rewrite,
        name="rewrite",
    ),
    path("teach/sets/<uuid:uid>/preview/", preview.preview, name="preview"),
    path("teach/quizzes/<uuid:uid>/settings/", quiz_settings.quiz_settings, name="quiz_settings"),
    # Teachers: item analysis
    path("teach/quizzes/<uuid:uid>/analysis/", analysis.quiz_analysis, name="analysis"),
    path(
        "teach/quizzes/<uuid:uid>/analysis.csv",
        analysis.quiz_analysis_download,
        name="analysis_csv",
    ),
    path("teach/templates/analysis/", analysis.template_analysis, name="template_analysis"),
    path(
        "teach/templates/analysis.csv",
        analysis.template_analysis_download,
        name="template_analysis_csv",
    ),
]
