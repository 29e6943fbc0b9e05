from django.urls import path

from lantern.care.views import carers, iro, permanence
from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)

app_name = "care"
urlpatterns: list = [
    path("carers/", carers.carers, name="carers"),
    path("carers/new/", carers.new_carer, name="new-carer"),
    path("iro/reviews/", iro.iro_reviews, name="iro-reviews"),
    path("permanence/", permanence.tracker, name="permanence"),
    path("stability/", permanence.team_stability, name="stability"),
    path("leavers/", permanence.leavers, name="leavers"),
]
