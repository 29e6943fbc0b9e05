"""Care reads, one module per area (STYLE.md)."""
