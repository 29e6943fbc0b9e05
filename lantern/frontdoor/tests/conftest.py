from lantern.frontdoor.tests.fixtures import make_contact, make_partner, mash_officer, school

__all__ = ["make_contact", "make_partner", "mash_officer", "school"]
