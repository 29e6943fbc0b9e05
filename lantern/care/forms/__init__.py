"""Care forms, one module per area: each builds the keyword arguments of its action."""
