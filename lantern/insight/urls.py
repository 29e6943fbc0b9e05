from django.urls import path

from lantern.insight import target_views, views, workforce_views

app_name = "insight"
FIGURE = "figures/<slug:code>/"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("figures.<str:fmt>", views.dashboard_download, name="dashboard-download"),
    path(FIGURE, views.figure_page, name="figure"),
    path(f"{FIGURE}children/", views.children, name="children"),
    path(f"{FIGURE}children.<str:fmt>", views.children_download, name="children-download"),
    path(f"{FIGURE}<slug:table>.<str:fmt>", views.figure_download, name="figure-download"),
    path("targets/", target_views.targets, name="targets"),
    path("workforce/", workforce_views.workforce, name="workforce"),
    path("cost/", workforce_views.cost, name="cost"),
    path(
        "<slug:page>/<int:number>.<str:fmt>",
        workforce_views.tables_download,
        name="tables-download",
    ),
]
