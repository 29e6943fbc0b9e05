"""Reads of looked-after children's records, one module per area."""
