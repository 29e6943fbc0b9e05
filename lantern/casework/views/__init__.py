"""Casework pages: one module each for records, work lists and drafts."""
