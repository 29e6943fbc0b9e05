"""Care forms, one module per area; each is built for one child like casework's."""
