"""Every figure is registered once, says what it means and where England's figure is from."""

from lantern.insight.figures import FIGURES
from lantern.insight.measures import REGISTRY, figure


def test_the_dashboard_drills_from_assessments_to_those_over_45_working_days():
    assessments = figure("assessments_in_45_working_days")
    assert assessments.drill_label == "assessments over 45 working days"
    assert "45 working days" in assessments.definition


def test_every_figure_has_a_definition_and_a_sourced_reference():
    for found in FIGURES:
        code = found.code
        assert REGISTRY[code] is found
        assert len(found.definition) > 80, code  # a sentence or two in plain words
        assert found.reference is not None and found.reference.source, code
        if found.reference.england is not None:
            assert found.reference.year, code
