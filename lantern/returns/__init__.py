"""The statutory returns and inspection data: the CIN census (XML), the SSDA903 return (CSV
tables), Ofsted's Annex A (a workbook) and the Standard Safeguarding Dataset, each built from
the records (never retyped) and checked with the DfE's own validators before it leaves.

Each builder returns bytes (or a name → bytes map) so the command line, the Returns page and
the tests share one path, and the same records always give byte-identical files.
"""
