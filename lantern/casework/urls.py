from django.urls import path

from lantern.casework.views import caseload, drafts, history, records, work
from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)

app_name = "casework"
urlpatterns = [
    path("my-work/", work.my_work, name="my-work"),
    path("my-children/", caseload.my_children, name="my-children"),
    path("team/", work.team, name="team"),
    path("team/<id:worker_id>/", caseload.worker_caseload, name="worker-caseload"),
    path("<id:person_id>/", records.overview, name="overview"),
    path("<id:person_id>/allocate/", records.allocate, name="allocate"),
    path("<id:person_id>/drafts/<slug:form_key>/", drafts.autosave, name="draft"),
    path("<id:person_id>/<slug:kind>/new/", records.new_record, name="new"),
    path("<id:person_id>/<slug:kind>/<id:record_id>/", records.show_record, name="record"),
    # Before "change": otherwise "history" would be read as the name of a step.
    path(
        "<id:person_id>/<slug:kind>/<id:record_id>/history/",
        history.record_history,
        name="history",
    ),
    path(
        "<id:person_id>/<slug:kind>/<id:record_id>/<slug:step>/",
        records.change_record,
        name="change",
    ),
]
