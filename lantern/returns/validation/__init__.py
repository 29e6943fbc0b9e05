"""The DfE's own validation rules run over Lantern's returns before they leave the building.

``validate`` checks returns it is given; ``validate_year`` builds a year's returns from the
records and checks them. Every issue carries the rule's code, message and severity as the
validator gives them, the child's id in the return, and a link to where the record is fixed.
"""

from lantern.returns.validation.report import Issue, Report
from lantern.returns.validation.run import validate
from lantern.returns.validation.year import validate_year

__all__ = ["Issue", "Report", "validate", "validate_year"]
