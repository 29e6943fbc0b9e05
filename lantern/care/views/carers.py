"""The council's carers: the list placements choose from, and a form to add one. Carers
are not children's records (no person, no access gate); adding one is audited."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from lantern.access.roles import RECORD_CASEWORK, VIEW_RECORD
from lantern.access.rules import requires
from lantern.care.actions.carers import record_carer
from lantern.care.forms.periods import CarerForm
from lantern.care.models import Carer
from lantern.casework.views.common import errors_onto


@requires(VIEW_RECORD)
def carers(request):
    listed = Carer.objects.order_by("-active", "name")
    return render(request, "care/carers.html", {"carers": listed})


@requires(VIEW_RECORD, RECORD_CASEWORK)
def new_carer(request):
    form = CarerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            carer = record_carer(acting_user=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            errors_onto(form, error)
        else:
            messages.success(request, f"{carer} added")
            return redirect("care:carers")
    return render(request, "care/carer_form.html", {"form": form})
