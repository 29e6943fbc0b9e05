from lantern.frontdoor.tests.fixtures import make_contact, mash_officer

__all__ = ["make_contact", "mash_officer"]
