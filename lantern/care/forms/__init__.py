"""Forms for care records, one module per area."""
