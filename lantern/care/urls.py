from django.urls import path

from lantern.care.views import carers
from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)

app_name = "care"
urlpatterns: list = [
    path("carers/", carers.carers, name="carers"),
    path("carers/new/", carers.new_carer, name="new-carer"),
]
