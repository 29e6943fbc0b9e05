"""Forms for periods of care, placements and carers: codes offered are those the DfE accepts
today (``codes.placement_choices_on``), carers chosen from the council's list, never typed."""

from django import forms

from lantern.care import codes
from lantern.care.models import Carer
from lantern.casework.actions.base import today
from lantern.casework.forms.base import WIDGET_CLASSES, CaseworkForm, DateField, long_text
from lantern.ids import RecordChoiceField

REASONS_CEASED = [c for c in codes.REASON_EPISODE_CEASED.choices() if c[0] != "X1"]


def _select(label, choices, *, required=True, message=""):
    return forms.ChoiceField(
        label=label,
        choices=[("", "Choose"), *choices] if required else [("", "—"), *choices],
        required=required,
        error_messages={"required": message or f"Choose the {label.lower()}"},
    )


def carer_field():
    field = RecordChoiceField(
        label="Carer",
        queryset=Carer.objects.filter(active=True).order_by("name"),
        error_messages={"required": "Choose the carer"},
    )
    field.label_from_instance = lambda c: f"{c.name} ({c.get_kind_display()})"
    return field


class PlacementFields(CaseworkForm):
    """The placement's own fields; provider, URN and postcode come from the carer unless
    given (blank here means "the carer's")."""

    carer = None  # set per form: a fresh queryset on every form
    placement_type = None
    provider = _select(
        "Placement provider (if not the carer's)", codes.PROVIDER.choices(), required=False
    )
    urn = forms.CharField(label="Ofsted URN (if not the carer's)", max_length=8, required=False)
    postcode = forms.CharField(
        label="Placement postcode (if not the carer's)", max_length=8, required=False
    )
    emergency = forms.BooleanField(label="An emergency placement", required=False)
    long_term = forms.BooleanField(label="Intended to last until the child is 18", required=False)
    weekly_cost = forms.DecimalField(
        label="Weekly cost (£)", max_digits=8, decimal_places=2, min_value=0, required=False
    )
    placement_plan = long_text("Placement plan", rows=5)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["carer"] = carer_field()
        self.fields["placement_type"] = _select(
            "Placement type", codes.placement_choices_on(today())
        )
        for name in ("carer", "placement_type"):
            self.fields[name].widget.attrs.setdefault("class", WIDGET_CLASSES[forms.Select])
        self.order_fields(self.field_order)

    def action_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("provider", "urn", "postcode"):
            data[name] = data.get(name) or None
        return data


class StartCareForm(PlacementFields):
    start_date = DateField("Date the child became looked after", initial=today)
    legal_status = _select("Legal status", codes.LEGAL_STATUS.choices())
    category_of_need = _select("Category of need", codes.CATEGORY_OF_NEED.choices())
    home_postcode = forms.CharField(label="Home postcode", max_length=8, required=False)
    field_order = [
        "start_date",
        "legal_status",
        "category_of_need",
        "home_postcode",
        "carer",
        "placement_type",
    ]


class MovePlacementForm(PlacementFields):
    on = DateField("Date of the move", initial=today)
    reason_changed = _select(
        "Reason for the placement change", codes.REASON_PLACE_CHANGE.choices(), required=False
    )
    field_order = ["on", "reason_changed", "carer", "placement_type"]


class LegalStatusForm(CaseworkForm):
    on = DateField("Date the new legal status starts", initial=today)
    code = _select("Legal status", codes.LEGAL_STATUS.choices())


class EndCareForm(CaseworkForm):
    on = DateField("Date the child ceased to be looked after", initial=today)
    reason_ceased = _select("Reason the child ceased to be looked after", REASONS_CEASED)


class DatedForm(CaseworkForm):
    on = DateField("Date", initial=today)


class CarePlanForm(DatedForm):
    on = DateField("Date the care plan was made", initial=today)


class NotifiedForm(DatedForm):
    on = DateField("Date the placement was notified", initial=today)


class CarerForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    kind = forms.ChoiceField(label="Kind of carer", choices=Carer.Kind.choices)
    provider = forms.ChoiceField(label="Placement provider", choices=codes.PROVIDER.choices())
    urn = forms.CharField(
        label="Ofsted URN",
        max_length=8,
        required=False,
        help_text="Required for children's homes and supported accommodation",
    )
    postcode = forms.CharField(label="Postcode", max_length=8, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = WIDGET_CLASSES.get(type(field.widget))
            if css:
                field.widget.attrs.setdefault("class", css)
