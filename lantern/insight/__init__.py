"""Insight: the figures leaders, managers and the performance team read, computed live from
the records on the DfE's published definitions (issue 14)."""
