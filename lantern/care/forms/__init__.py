"""The care app's forms, one module per area."""
