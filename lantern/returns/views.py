"""The Returns page for the performance team: thin shells over ``actions`` and ``queries``.

Every page here needs ``returns.build_returns``. The page shows each failure's child by
council id and links to where it is fixed; opening that link is the record's own access
rule, so this page never widens who may see a child.
"""

import mimetypes

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from lantern.access import audit
from lantern.access.models import AuditEntry
from lantern.access.roles import BUILD_RETURNS
from lantern.access.rules import requires
from lantern.returns import actions, builds, exports, queries
from lantern.returns.forms import BuildForm, twelve_months_to, years_offered
from lantern.returns.models import ReturnRun


@requires(BUILD_RETURNS)
def returns_page(request):
    return _page(request)


def _page(request, form: BuildForm | None = None, status: int = 200):
    today = timezone.localdate()
    context = {
        "returns": queries.returns_offered(),
        "years": years_offered(today),
        "default_year": years_offered(today)[0].year,
        "default_start": twelve_months_to(today),
        "today": today,
        "form": form,
        "failed_kind": form.data.get("kind") if form is not None else None,
    }
    # The Annex A period's date boxes: as typed after a refused Annex A build, else the
    # last twelve months.
    context["period_form"] = (
        form
        if context["failed_kind"] == "annexa"
        else BuildForm(initial={"start": context["default_start"], "end": today}, today=today)
    )
    return render(request, "returns/returns.html", context, status=status)


@requires(BUILD_RETURNS)
def build(request):
    if request.method != "POST":
        return redirect("returns:returns")
    form = BuildForm(request.POST, today=timezone.localdate())
    if not form.is_valid():
        return _page(request, form, status=400)
    data = form.cleaned_data
    run, started = actions.request_run(
        data["kind"],
        acting_user=request.user,
        year=data["year"],
        start=data["start"],
        end=data["end"],
        request=request,
    )
    if not started:
        messages.success(request, f"The {builds.what(run)} is already being built: this is it.")
    return redirect("returns:run", run_id=run.pk)


@requires(BUILD_RETURNS)
def run_page(request, run_id: int):
    run = get_object_or_404(ReturnRun.objects.select_related("requested_by"), pk=run_id)
    context = queries.run_page(run)
    named = queries.children_named(run)
    if named:  # a list naming children (by council id): audited like every other list
        audit.record_each(
            request,
            AuditEntry.Action.LISTED,
            named,
            detail=f"named by council id in the validation results of build {run.pk}",
        )
    return render(request, "returns/run.html", context)


@requires(BUILD_RETURNS)
def download(request, run_id: int, name: str):
    """One built file, byte for byte as validated; every download is an audited export."""
    run = get_object_or_404(ReturnRun, pk=run_id, status=ReturnRun.Status.DONE)
    kept = queries.file_of(run, name)
    if kept is None:
        raise Http404("no such file in this run")
    exports.exported(
        builds.what(run),
        f"{kept.name} from build {run.pk}, {run.children or 0} children",
        request=request,
    )
    content_type = mimetypes.guess_type(kept.name)[0] or "application/octet-stream"
    response = HttpResponse(bytes(kept.data), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{kept.name}"'
    return response
