from django.urls import path

from lantern.care.views import iro
from lantern.ids import RecordIdConverter  # noqa: F401 (registers <id:...>)

app_name = "care"
urlpatterns: list = [
    path("iro/reviews/", iro.iro_reviews, name="iro-reviews"),
]
